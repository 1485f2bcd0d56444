/*
 * The one-time code pages' messages (code.ts), part of `manageStrings`: they load with the later
 * pages. `{hint}` is where the code went, masked by the council API (`j***@e***.com`, `*** 982`).
 */

export const codeStringsEn = {
  codeOffer: 'If you do not have the link, we can send a code to the email address or mobile number you gave us. The code lets you see the repair’s details, and move or cancel it.',
  getCode: 'Get a code to change this appointment',
  noContact: 'We cannot send a code for this repair, because we do not have an email address or mobile number for it. Contact us to change it.',
  codeTitleEmail: 'Check your email',
  codeTitleSms: 'Check your phone',
  codeSent: 'We have sent a code to {hint}. It works for 15 minutes.',
  codeLabel: 'Enter the code',
  codeHint: 'The code is 6 numbers',
  errorCode: 'Enter the code we sent you',
  errorCodeFormat: 'The code must be 6 numbers',
  codeNotValid: 'The code is not right, or it has expired. Check it, or send a new code.',
  resendCode: 'Send a new code',
  codeResent: 'We have sent a new code to {hint}.',
  notReceived: 'Not received it after a few minutes? Send a new code, or contact us.',
};

export const codeStringsCy: typeof codeStringsEn = {
  codeOffer: 'Os nad yw’r ddolen gennych, gallwn anfon cod i’r cyfeiriad e-bost neu’r rhif ffôn symudol a roesoch i ni. Mae’r cod yn gadael i chi weld manylion y gwaith trwsio, a’i symud neu ei ganslo.',
  getCode: 'Cael cod i newid yr apwyntiad hwn',
  noContact: 'Ni allwn anfon cod ar gyfer y gwaith trwsio hwn, gan nad oes gennym gyfeiriad e-bost na rhif ffôn symudol ar ei gyfer. Cysylltwch â ni i’w newid.',
  codeTitleEmail: 'Gwiriwch eich e-bost',
  codeTitleSms: 'Gwiriwch eich ffôn',
  codeSent: 'Rydym wedi anfon cod i {hint}. Mae’n gweithio am 15 munud.',
  codeLabel: 'Rhowch y cod',
  codeHint: 'Mae’r cod yn 6 rhif',
  errorCode: 'Rhowch y cod a anfonwyd atoch',
  errorCodeFormat: 'Rhaid i’r cod fod yn 6 rhif',
  codeNotValid: 'Nid yw’r cod yn gywir, neu mae wedi dod i ben. Gwiriwch ef, neu anfonwch god newydd.',
  resendCode: 'Anfon cod newydd',
  codeResent: 'Rydym wedi anfon cod newydd i {hint}.',
  notReceived: 'Heb ei gael ar ôl ychydig funudau? Anfonwch god newydd, neu cysylltwch â ni.',
};
