/**
 * The demo directory in Welsh: each template name, description sentence and category of
 * seed-templates.ts / seed-taxonomy.ts with its Welsh version, keyed by the English so the
 * templates stay one list. Place names stay as they are (proper names, as a Welsh directory
 * keeps "Anytown"). Written for this demo in the register Welsh public services use (the
 * Welsh Government's TermCymru terms where it has one: "banc bwyd", "gofalwyr di-dâl",
 * "cyngor ar ddyledion"); a real council would have its translation unit check its own.
 */

/** English name pattern (`{place}` kept) → Welsh name pattern. */
const names: Record<string, string> = {
  '{place} Food Bank': 'Banc Bwyd {place}',
  '{place} Community Food Bank': 'Banc Bwyd Cymunedol {place}',
  'Food Bank at {place} Baptist Church': 'Banc Bwyd yng Nghapel y Bedyddwyr {place}',
  '{place} Emergency Food Bank': 'Banc Bwyd Brys {place}',
  '{place} Community Pantry': 'Pantri Cymunedol {place}',
  '{place} Pay-As-You-Feel Café': 'Caffi Talu-fel-y-Mynnwch {place}',
  'Warm Welcome Café {place}': 'Caffi Croeso Cynnes {place}',
  '{place} Community Kitchen': 'Cegin Gymunedol {place}',
  '{place} Clothes Bank': 'Banc Dillad {place}',
  '{place} Baby Bank': 'Banc Babanod {place}',
  '{place} Furniture Project': 'Prosiect Dodrefn {place}',
  '{place} Uniform Exchange': 'Cyfnewid Gwisg Ysgol {place}',
  '{place} Debt Advice Drop-in': 'Sesiwn Galw Heibio Cyngor ar Ddyledion {place}',
  'Debt Advice at {place}': 'Cyngor ar Ddyledion yn {place}',
  '{place} Money and Debt Clinic': 'Clinig Arian a Dyledion {place}',
  'Debt Help {place}': 'Help gyda Dyledion {place}',
  '{place} Benefits Advice': 'Cyngor ar Fudd-daliadau {place}',
  'Citizens Advice {place} Outreach': 'Cyngor ar Bopeth {place}: Allgymorth',
  '{place} Welfare Rights Surgery': 'Cymhorthfa Hawliau Lles {place}',
  '{place} Benefits Check-up': 'Gwiriad Budd-daliadau {place}',
  '{place} Mental Health Drop-in': 'Sesiwn Galw Heibio Iechyd Meddwl {place}',
  '{place} Wellbeing Café': 'Caffi Llesiant {place}',
  'Talking Space {place}': 'Lle i Siarad {place}',
  '{place} Peer Support Group': 'Grŵp Cymorth Cymheiriaid {place}',
  '{place} Safe Haven': 'Hafan Ddiogel {place}',
  '{place} Health Walks': 'Teithiau Cerdded Iechyd {place}',
  'Walking Football {place}': 'Pêl-droed Cerdded {place}',
  '{place} Chair Yoga': 'Ioga Cadair {place}',
  'Parkrun {place}': 'Parkrun {place}',
  '{place} Couch to 5K': 'O’r Soffa i 5K {place}',
  '{place} Recovery Hub': 'Hwb Adferiad {place}',
  '{place} Alcohol Support Group': 'Grŵp Cymorth Alcohol {place}',
  'Turning Point {place}': 'Turning Point {place}',
  '{place} Needle Exchange': 'Cyfnewid Nodwyddau {place}',
  '{place} Toddler Group': 'Grŵp Plant Bach {place}',
  '{place} Stay and Play': 'Aros a Chwarae {place}',
  'Little Owls Toddler Group {place}': 'Grŵp Plant Bach y Tylluanod Bach {place}',
  'Cylch Ti a Fi {place}': 'Cylch Ti a Fi {place}',
  '{place} Baby Rhyme Time': 'Amser Rhigymau Babanod {place}',
  '{place} Parenting Course': 'Cwrs Rhianta {place}',
  '{place} Dads’ Group': 'Grŵp Tadau {place}',
  'Incredible Years {place}': 'Blynyddoedd Rhyfeddol {place}',
  '{place} Teen Parenting Support': 'Cymorth Rhianta Pobl Ifanc yn eu Harddegau {place}',
  '{place} Holiday Club': 'Clwb Gwyliau {place}',
  '{place} After School Club': 'Clwb ar ôl Ysgol {place}',
  '{place} Community Nursery': 'Meithrinfa Gymunedol {place}',
  '{place} Breakfast Club': 'Clwb Brecwast {place}',
  '{place} Youth Club': 'Clwb Ieuenctid {place}',
  '{place} Junior Youth Club': 'Clwb Ieuenctid Iau {place}',
  '{place} Youth Café': 'Caffi Ieuenctid {place}',
  '{place} Detached Youth Work': 'Gwaith Ieuenctid Datgysylltiedig {place}',
  '{place} Youth Mentoring': 'Mentora Ieuenctid {place}',
  'Step Up {place}': 'Camu Ymlaen {place}',
  '{place} Care Leavers’ Support': 'Cymorth i Ymadawyr Gofal {place}',
  '{place} Lunch Club': 'Clwb Cinio {place}',
  '{place} Over-60s Lunch Club': 'Clwb Cinio Dros 60 {place}',
  'Friendship Lunch {place}': 'Cinio Cyfeillgarwch {place}',
  '{place} Luncheon Club': 'Clwb Cinio Canol Dydd {place}',
  '{place} Befriending Service': 'Gwasanaeth Cyfeillio {place}',
  'Telephone Friends {place}': 'Ffrindiau Ffôn {place}',
  '{place} Good Neighbours': 'Cymdogion Da {place}',
  '{place} Carers’ Group': 'Grŵp Gofalwyr {place}',
  'Carers’ Café {place}': 'Caffi Gofalwyr {place}',
  '{place} Young Carers': 'Gofalwyr Ifanc {place}',
  '{place} Carers’ Support Service': 'Gwasanaeth Cymorth i Ofalwyr {place}',
  '{place} English Classes (ESOL)': 'Dosbarthiadau Saesneg {place} (ESOL)',
  'Conversation Club {place}': 'Clwb Sgwrsio {place}',
  '{place} English for Beginners': 'Saesneg i Ddechreuwyr {place}',
  '{place} Women’s English Group': 'Grŵp Saesneg i Fenywod {place}',
  '{place} Digital Drop-in': 'Sesiwn Galw Heibio Digidol {place}',
  'Get Online {place}': 'Ewch Ar-lein {place}',
  '{place} Computer Club': 'Clwb Cyfrifiaduron {place}',
  '{place} Phone and Tablet Help': 'Help gyda Ffonau a Thabledi {place}',
  '{place} Library': 'Llyfrgell {place}',
  '{place} Community Library': 'Llyfrgell Gymunedol {place}',
  'Mobile Library ({place} stop)': 'Llyfrgell Deithiol (arhosfan {place})',
  '{place} Library Rhyme Time': 'Amser Rhigymau’r Llyfrgell {place}',
  '{place} Night Shelter': 'Lloches Nos {place}',
  '{place} Day Centre': 'Canolfan Ddydd {place}',
  'Street Outreach {place}': 'Allgymorth ar y Stryd {place}',
  '{place} Homeless Prevention Service': 'Gwasanaeth Atal Digartrefedd {place}',
  '{place} Housing Advice': 'Cyngor ar Dai {place}',
  '{place} Tenants’ Advice Line': 'Llinell Gyngor i Denantiaid {place}',
  '{place} Private Renters’ Surgery': 'Cymhorthfa Rhentwyr Preifat {place}',
  '{place} Job Club': 'Clwb Swyddi {place}',
  '{place} Work Club': 'Clwb Gwaith {place}',
  'Jobs Fair {place}': 'Ffair Swyddi {place}',
  '{place} CV Workshop': 'Gweithdy CV {place}',
  'Volunteer Centre {place}': 'Canolfan Wirfoddoli {place}',
  '{place} Community Garden': 'Gardd Gymunedol {place}',
  '{place} Litter Pickers': 'Casglwyr Sbwriel {place}',
  '{place} Repair Café': 'Caffi Trwsio {place}',
};

/** English description sentence → Welsh. */
const sentences: Record<string, string> = {
  'Emergency food parcels with three days of nutritionally balanced food.': 'Parseli bwyd brys gyda digon o fwyd maethlon am dri diwrnod.',
  'Bring a referral voucher from a GP, school or advice agency if you have one; if not, come anyway and we will help.':
    'Dewch â thaleb atgyfeirio gan feddyg teulu, ysgol neu asiantaeth gynghori os oes gennych un; os nad oes, dewch beth bynnag a byddwn yn helpu.',
  'Toiletries, nappies and pet food are available when donations allow.': 'Mae nwyddau ymolchi, cewynnau a bwyd anifeiliaid anwes ar gael pan fydd rhoddion yn caniatáu.',
  'Volunteers can signpost you to debt, benefits and housing advice while you wait.': 'Gall gwirfoddolwyr eich cyfeirio at gyngor ar ddyledion, budd-daliadau a thai tra byddwch yn aros.',
  'A hot two-course meal served at shared tables: everyone welcome, no questions asked.': 'Pryd poeth dau gwrs wrth fyrddau a rennir: croeso i bawb, dim cwestiynau.',
  'Pay what you can, or nothing at all; surplus supermarket food is shared at the end of each session.':
    'Talwch yr hyn y gallwch, neu ddim byd o gwbl; rhennir bwyd dros ben o’r archfarchnad ar ddiwedd pob sesiwn.',
  'A warm space with tea, coffee and free wifi through the winter.': 'Lle cynnes gyda the, coffi a wifi am ddim drwy’r gaeaf.',
  'Vegetarian, halal and gluten-free options every week.': 'Dewisiadau llysieuol, halal a heb glwten bob wythnos.',
  'Good-quality second-hand clothes, shoes and coats for all ages, free to anyone who needs them.': 'Dillad, esgidiau a chotiau ail-law o ansawdd da i bob oed, am ddim i unrhyw un sydd eu hangen.',
  'Prams, cots, car seats and baby clothes for families referred by a midwife or health visitor.': 'Pramiau, cotiau, seddi car a dillad babanod i deuluoedd a atgyfeiriwyd gan fydwraig neu ymwelydd iechyd.',
  'Donated furniture and white goods for people setting up a new home after homelessness.': 'Dodrefn a nwyddau gwyn a roddwyd i bobl sy’n sefydlu cartref newydd ar ôl bod yn ddigartref.',
  'School uniform swaps before every term.': 'Cyfnewid gwisg ysgol cyn pob tymor.',
  'Free, confidential debt advice from accredited advisers: we look at everything you owe and agree a plan.':
    'Cyngor ar ddyledion am ddim a chyfrinachol gan gynghorwyr achrededig: rydym yn edrych ar bopeth sydd arnoch a chytuno ar gynllun.',
  'We can talk to creditors for you, help with bailiff and court letters, and explain breathing space, DROs and bankruptcy.':
    'Gallwn siarad â chredydwyr ar eich rhan, helpu gyda llythyrau beilïaid a llys, ac esbonio’r cynllun seibiant, Gorchmynion Rhyddhau o Ddyled a methdaliad.',
  'Appointments by phone, video or face to face; evening sessions for people who work.': 'Apwyntiadau dros y ffôn, drwy fideo neu wyneb yn wyneb; sesiynau gyda’r nos i bobl sy’n gweithio.',
  'Bring any letters and bank statements you have.': 'Dewch ag unrhyw lythyrau a chyfriflenni banc sydd gennych.',
  'Independent advice on benefits, work, housing, consumer problems and family matters.': 'Cyngor annibynnol ar fudd-daliadau, gwaith, tai, problemau defnyddwyr a materion teuluol.',
  'A full benefits check to make sure you are getting everything you are entitled to, and help filling in forms.':
    'Gwiriad budd-daliadau llawn i wneud yn siŵr eich bod yn cael popeth y mae gennych hawl iddo, a help i lenwi ffurflenni.',
  'Help with Universal Credit, PIP, Council Tax Reduction and appeals against decisions.': 'Help gyda Chredyd Cynhwysol, PIP, Gostyngiad y Dreth Gyngor ac apelio yn erbyn penderfyniadau.',
  'We can also refer you on for help with debt or energy bills.': 'Gallwn hefyd eich atgyfeirio am help gyda dyledion neu filiau ynni.',
  'A friendly, non-judgemental space to talk about how you are feeling, with trained volunteers and peer supporters.':
    'Lle cyfeillgar heb farnu i siarad am sut rydych yn teimlo, gyda gwirfoddolwyr hyfforddedig a chefnogwyr cymheiriaid.',
  'Free NHS talking therapies for anxiety, depression and stress: refer yourself online or by phone.':
    'Therapïau siarad am ddim gan y GIG ar gyfer gorbryder, iselder a straen: atgyfeiriwch eich hun ar-lein neu dros y ffôn.',
  'An evening crisis café for adults who need somewhere safe to go when things feel too much.': 'Caffi argyfwng gyda’r nos i oedolion sydd angen rhywle diogel i fynd pan fydd pethau’n ormod.',
  'Mindfulness, art and gardening groups that help people recover and stay well.': 'Grwpiau ymwybyddiaeth ofalgar, celf a garddio sy’n helpu pobl i wella ac aros yn iach.',
  'Short, sociable walks led by trained volunteers, finishing with a cup of tea.': 'Teithiau cerdded byr a chymdeithasol dan arweiniad gwirfoddolwyr hyfforddedig, yn gorffen gyda phaned.',
  'Gentle exercise for people with long-term conditions or returning to activity after illness.': 'Ymarfer corff ysgafn i bobl â chyflyrau hirdymor neu sy’n dychwelyd at weithgarwch ar ôl salwch.',
  'No kit or experience needed: just turn up in comfortable clothes.': 'Does dim angen cit na phrofiad: dewch mewn dillad cyfforddus.',
  'A free, timed community run every Saturday morning.': 'Ras gymunedol am ddim wedi’i hamseru bob bore Sadwrn.',
  'Confidential support for anyone worried about their drinking or drug use, or someone else’s.': 'Cymorth cyfrinachol i unrhyw un sy’n poeni am ei yfed neu ei ddefnydd o gyffuriau, neu rywun arall.',
  'Recovery groups, one-to-one key workers and help to access detox and rehab.': 'Grwpiau adferiad, gweithwyr allweddol un i un a help i gael dadwenwyno ac adsefydlu.',
  'Free naloxone kits and training.': 'Pecynnau naloxone a hyfforddiant am ddim.',
  'Family members and friends are welcome at our support sessions.': 'Mae croeso i aelodau’r teulu a ffrindiau yn ein sesiynau cymorth.',
  'Play, songs and stories for babies and toddlers with their parents, grandparents or carers.': 'Chwarae, caneuon a straeon i fabanod a phlant bach gyda’u rhieni, neiniau a theidiau neu ofalwyr.',
  'Messy play, a snack and a chance to meet other families; health visitors drop in once a month.':
    'Chwarae blêr, byrbryd a chyfle i gwrdd â theuluoedd eraill; mae ymwelwyr iechyd yn galw heibio unwaith y mis.',
  'A Welsh-language toddler group: everyone welcome, whether you speak Welsh or not.': 'Grŵp plant bach Cymraeg: croeso i bawb, p’un a ydych yn siarad Cymraeg neu beidio.',
  'Free tea and coffee for grown-ups.': 'Te a choffi am ddim i oedolion.',
  'A free eight-week course for parents of children aged 3 to 11, with a crèche.': 'Cwrs wyth wythnos am ddim i rieni plant 3 i 11 oed, gyda chrèche.',
  'Trained volunteers visit families with young children at home to offer support and friendship.': 'Mae gwirfoddolwyr hyfforddedig yn ymweld â theuluoedd â phlant ifanc gartref i gynnig cymorth a chyfeillgarwch.',
  'A relaxed group for dads and male carers, with activities for the children.': 'Grŵp hamddenol i dadau a gofalwyr gwrywaidd, gyda gweithgareddau i’r plant.',
  'Support for parents of teenagers dealing with difficult behaviour.': 'Cymorth i rieni pobl ifanc yn eu harddegau sy’n delio ag ymddygiad anodd.',
  'Childcare during the school holidays, with free places and a healthy meal for children who get free school meals.':
    'Gofal plant yn ystod gwyliau’r ysgol, gyda lleoedd am ddim a phryd iach i blant sy’n cael prydau ysgol am ddim.',
  'Ofsted-registered care after school until 6pm, with homework help and outdoor play.': 'Gofal cofrestredig ar ôl ysgol tan 6pm, gyda help gyda gwaith cartref a chwarae yn yr awyr agored.',
  'Funded places for 2, 3 and 4 year olds.': 'Lleoedd wedi’u hariannu i blant 2, 3 a 4 oed.',
  'Sports, crafts and trips.': 'Chwaraeon, crefftau a theithiau.',
  'A youth club with pool, table tennis, music, cooking and trips, run by qualified youth workers.':
    'Clwb ieuenctid gyda phŵl, tennis bwrdd, cerddoriaeth, coginio a theithiau, dan ofal gweithwyr ieuenctid cymwysedig.',
  'A safe space to hang out with friends, get advice and try something new.': 'Lle diogel i dreulio amser gyda ffrindiau, cael cyngor a rhoi cynnig ar rywbeth newydd.',
  'Youth workers meet young people in parks and on the streets in the evenings.': 'Mae gweithwyr ieuenctid yn cwrdd â phobl ifanc mewn parciau ac ar y strydoedd gyda’r nos.',
  'Free food every session.': 'Bwyd am ddim bob sesiwn.',
  'A trained volunteer mentor meets you every week for a year to help you reach your goals.': 'Mae mentor gwirfoddol hyfforddedig yn cwrdd â chi bob wythnos am flwyddyn i’ch helpu i gyrraedd eich nodau.',
  'Support for young people leaving care with money, housing, education and work.': 'Cymorth i bobl ifanc sy’n gadael gofal gydag arian, tai, addysg a gwaith.',
  'Help getting back into education, training or work.': 'Help i fynd yn ôl i addysg, hyfforddiant neu waith.',
  'A hot two-course lunch and good company for older people, with bingo or a quiz afterwards.': 'Cinio poeth dau gwrs a chwmni da i bobl hŷn, gyda bingo neu gwis wedyn.',
  'Transport can be arranged for people who cannot get there on their own.': 'Gellir trefnu cludiant i bobl na allant gyrraedd ar eu pennau eu hunain.',
  'Special diets catered for; tell us when you book.': 'Darperir ar gyfer deietau arbennig; rhowch wybod i ni wrth archebu.',
  'A chance to make new friends and get out of the house.': 'Cyfle i wneud ffrindiau newydd a mynd allan o’r tŷ.',
  'A volunteer visits you at home every week for a chat, or takes you out for a coffee.': 'Mae gwirfoddolwr yn ymweld â chi gartref bob wythnos am sgwrs, neu’n mynd â chi allan am goffi.',
  'A friendly weekly phone call for people who are lonely or isolated.': 'Galwad ffôn gyfeillgar bob wythnos i bobl sy’n unig neu’n ynysig.',
  'Help with small jobs, lifts to appointments and shopping.': 'Help gyda mân swyddi, lifftiau i apwyntiadau a siopa.',
  'Support, information and a break for unpaid carers looking after family or friends.': 'Cymorth, gwybodaeth a seibiant i ofalwyr di-dâl sy’n gofalu am deulu neu ffrindiau.',
  'Help with carers’ assessments, the Carer’s Allowance and planning for emergencies.': 'Help gydag asesiadau gofalwyr, y Lwfans Gofalwr a chynllunio ar gyfer argyfyngau.',
  'A monthly café where carers can meet others in the same situation.': 'Caffi misol lle gall gofalwyr gwrdd ag eraill yn yr un sefyllfa.',
  'Activities and trips for young carers aged 8 to 18.': 'Gweithgareddau a theithiau i ofalwyr ifanc 8 i 18 oed.',
  'Free English classes for speakers of other languages, from beginners to exam level.': 'Dosbarthiadau Saesneg am ddim i siaradwyr ieithoedd eraill, o ddechreuwyr i lefel arholiad.',
  'Practise your English in a friendly conversation club; a crèche is available.': 'Ymarferwch eich Saesneg mewn clwb sgwrsio cyfeillgar; mae crèche ar gael.',
  'Classes help with everyday English: shopping, the doctor, school and work.': 'Mae’r dosbarthiadau’n helpu gyda Saesneg bob dydd: siopa, y meddyg, yr ysgol a gwaith.',
  'We also help people apply for college ESOL courses.': 'Rydym hefyd yn helpu pobl i wneud cais am gyrsiau ESOL yn y coleg.',
  'Friendly help with phones, tablets and computers: email, video calls, online shopping and staying safe online.':
    'Help cyfeillgar gyda ffonau, tabledi a chyfrifiaduron: e-bost, galwadau fideo, siopa ar-lein a chadw’n ddiogel ar-lein.',
  'Free data SIM cards and refurbished laptops for people who cannot afford them.': 'Cardiau SIM data am ddim a gliniaduron wedi’u hadnewyddu i bobl na allant eu fforddio.',
  'Help applying for jobs and benefits online.': 'Help i wneud cais am swyddi a budd-daliadau ar-lein.',
  'Free books, audiobooks, newspapers, computers and wifi.': 'Llyfrau, llyfrau llafar, papurau newydd, cyfrifiaduron a wifi am ddim.',
  'Events for all ages: reading groups, homework clubs, family history and author talks.': 'Digwyddiadau i bob oed: grwpiau darllen, clybiau gwaith cartref, hanes teulu a sgyrsiau gan awduron.',
  'Print, scan and photocopy; help finding information.': 'Argraffu, sganio a llungopïo; help i ddod o hyd i wybodaeth.',
  'A warm, quiet space to study or work.': 'Lle cynnes a thawel i astudio neu weithio.',
  'Emergency accommodation and a hot meal for people sleeping rough.': 'Llety brys a phryd poeth i bobl sy’n cysgu allan.',
  'Showers, laundry, breakfast and advice for people who are homeless.': 'Cawodydd, golchdy, brecwast a chyngor i bobl sy’n ddigartref.',
  'If you are worried about losing your home, contact us as early as you can: we can often help you stay.':
    'Os ydych yn poeni am golli eich cartref, cysylltwch â ni cyn gynted ag y gallwch: yn aml gallwn eich helpu i aros.',
  'Outreach workers visit people sleeping rough every morning.': 'Mae gweithwyr allgymorth yn ymweld â phobl sy’n cysgu allan bob bore.',
  'Advice on renting, deposits, disrepair and eviction notices.': 'Cyngor ar rentu, blaendaliadau, disrepair a hysbysiadau troi allan.',
  'Help if your landlord will not do repairs, or you have damp and mould.': 'Help os na fydd eich landlord yn gwneud atgyweiriadau, neu os oes gennych leithder a llwydni.',
  'We can check a section 21 or section 8 notice and tell you what happens next.': 'Gallwn wirio hysbysiad adran 21 neu adran 8 a dweud wrthych beth sy’n digwydd nesaf.',
  'Help with CVs, job applications and interview practice, with computers to use.': 'Help gyda CVs, ceisiadau am swyddi ac ymarfer cyfweliadau, gyda chyfrifiaduron i’w defnyddio.',
  'Meet local employers and find out about training and apprenticeships.': 'Cwrdd â chyflogwyr lleol a chael gwybod am hyfforddiant a phrentisiaethau.',
  'Support for people returning to work after a long time away.': 'Cymorth i bobl sy’n dychwelyd i’r gwaith ar ôl amser hir i ffwrdd.',
  'Find volunteering that suits you, from an hour a month to regular roles.': 'Dewch o hyd i waith gwirfoddol sy’n addas i chi, o awr y mis i rolau rheolaidd.',
  'Grow vegetables, learn new skills and meet people in our community garden.': 'Tyfu llysiau, dysgu sgiliau newydd a chwrdd â phobl yn ein gardd gymunedol.',
  'Bring broken things and our volunteers will help you fix them.': 'Dewch â phethau sydd wedi torri a bydd ein gwirfoddolwyr yn eich helpu i’w trwsio.',
  'A great way to build confidence and experience for work.': 'Ffordd wych o fagu hyder a phrofiad ar gyfer gwaith.',
};

/** Taxonomy code → Welsh name and description. */
export const welshTerms: Record<string, { name: string; description: string }> = {
  food: { name: 'Bwyd a hanfodion', description: 'Bwyd, prydau bwyd, dillad a phethau i’r cartref.' },
  'food-banks': { name: 'Banciau bwyd', description: 'Parseli bwyd brys a phantrïau cymunedol.' },
  'community-meals': { name: 'Prydau cymunedol', description: 'Prydau poeth a chaffis lle gallwch fwyta gydag eraill.' },
  clothing: { name: 'Dillad a nwyddau’r cartref', description: 'Dillad, dodrefn ac offer babanod am ddim neu am gost isel.' },
  money: { name: 'Arian a dyledion', description: 'Help gydag arian, dyledion a budd-daliadau.' },
  'debt-advice': { name: 'Cyngor ar ddyledion', description: 'Cyngor am ddim a chyfrinachol ar ddyledion a delio â chredydwyr.' },
  'benefits-advice': { name: 'Cyngor ar fudd-daliadau', description: 'Gwirio beth y mae gennych hawl iddo a help i’w hawlio.' },
  health: { name: 'Iechyd a llesiant', description: 'Gofalu am eich corff a’ch meddwl.' },
  'mental-health': { name: 'Iechyd meddwl', description: 'Therapïau siarad, cymorth gan gymheiriaid a help mewn argyfwng.' },
  'physical-activity': { name: 'Gweithgarwch corfforol', description: 'Teithiau cerdded, dosbarthiadau ymarfer corff a chwaraeon i bob gallu.' },
  'drugs-alcohol': { name: 'Cymorth cyffuriau ac alcohol', description: 'Help cyfrinachol i unrhyw un y mae cyffuriau neu alcohol yn effeithio arno.' },
  families: { name: 'Teuluoedd a phlant', description: 'Cymorth i rieni, gofalwyr a phlant ifanc.' },
  'baby-toddler': { name: 'Grwpiau babanod a phlant bach', description: 'Chwarae, caneuon a straeon i blant dan bump gyda’u hoedolion.' },
  parenting: { name: 'Cymorth rhianta', description: 'Cyrsiau a chyngor i rieni.' },
  childcare: { name: 'Gofal plant', description: 'Meithrinfeydd, gwarchodwyr plant a chlybiau gwyliau.' },
  'young-people': { name: 'Pobl ifanc', description: 'Gweithgareddau a chymorth i bobl ifanc 11 i 25 oed.' },
  'youth-clubs': { name: 'Clybiau ieuenctid', description: 'Lleoedd diogel i bobl ifanc gwrdd, chwarae a dysgu.' },
  mentoring: { name: 'Mentora', description: 'Cymorth un i un gan fentor hyfforddedig.' },
  'older-people': { name: 'Pobl hŷn', description: 'Cwmni, gweithgareddau a help ymarferol i drigolion hŷn.' },
  'lunch-clubs': { name: 'Clybiau cinio', description: 'Cinio poeth a chwmni da i bobl hŷn.' },
  befriending: { name: 'Cyfeillio', description: 'Ymweliadau neu alwadau rheolaidd gan wirfoddolwr cyfeillgar.' },
  carers: { name: 'Gofalwyr', description: 'Cymorth i bobl sy’n gofalu am rywun.' },
  'carers-support': { name: 'Cymorth i ofalwyr', description: 'Grwpiau, seibiant a chyngor i ofalwyr di-dâl.' },
  learning: { name: 'Dysgu a sgiliau', description: 'Dosbarthiadau, llyfrgelloedd a sgiliau ar gyfer bywyd a gwaith.' },
  'english-classes': { name: 'Dosbarthiadau Saesneg', description: 'Saesneg i siaradwyr ieithoedd eraill (ESOL).' },
  'digital-skills': { name: 'Sgiliau digidol', description: 'Help i ddefnyddio cyfrifiaduron, ffonau a’r rhyngrwyd.' },
  libraries: { name: 'Llyfrgelloedd', description: 'Llyfrau, cyfrifiaduron, digwyddiadau a lle tawel.' },
  housing: { name: 'Tai', description: 'Rhywle diogel i fyw.' },
  homelessness: { name: 'Cymorth digartrefedd', description: 'Help os ydych yn ddigartref neu ar fin colli eich cartref.' },
  'housing-advice': { name: 'Cyngor ar dai', description: 'Cyngor ar rentu, atgyweiriadau a hawliau tenantiaeth.' },
  work: { name: 'Gwaith a gwirfoddoli', description: 'Dod o hyd i waith a rhoi eich amser.' },
  'job-clubs': { name: 'Clybiau swyddi', description: 'Help gyda CVs, ceisiadau a chyfweliadau.' },
  volunteering: { name: 'Gwirfoddoli', description: 'Ffyrdd o roi eich amser i’r gymuned.' },
};

/**
 * The Welsh version of a service generated from one of `patterns` (its template's names), or
 * undefined when any part has none (an awkward record, a name no template makes): a Welsh
 * version is always a whole translation. The longest pattern that fits wins, so "{place} Junior
 * Youth Club" is never read as "{place} Youth Club" in a place called "… Junior".
 */
export function welshService(
  patterns: readonly string[],
  name: string,
  sentencesUsed: readonly string[],
): { name_cy: string; description_cy: string } | undefined {
  let best: { fixed: number; welsh: string } | undefined;
  for (const pattern of patterns) {
    const [before, after = ''] = pattern.split('{place}') as [string, string?];
    const welsh = names[pattern];
    if (welsh === undefined || name.length <= before.length + after.length || !name.startsWith(before) || !name.endsWith(after)) continue;
    if (!best || before.length + after.length > best.fixed) {
      best = { fixed: before.length + after.length, welsh: welsh.replace('{place}', name.slice(before.length, name.length - after.length)) };
    }
  }
  const welshSentences = sentencesUsed.map((sentence) => sentences[sentence]);
  if (best === undefined || welshSentences.some((sentence) => sentence === undefined)) return undefined;
  return { name_cy: best.welsh, description_cy: welshSentences.join(' ') };
}
