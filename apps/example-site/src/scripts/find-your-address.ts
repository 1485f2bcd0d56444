// The page imports the element from npm, as a council's own build would. Registering it
// upgrades <council-address-lookup>: its light-DOM fallback (for residents without JavaScript)
// gives way to the lookup, which follows the page's <html lang> (English or Welsh).
import '@council-kit/address-lookup/define';
import { followChoice } from './lookup-continue.ts';

const lookup = document.querySelector('council-address-lookup');
const continueButton = document.querySelector<HTMLButtonElement>('.lookup-form > .button');
if (lookup && continueButton) followChoice(lookup, continueButton);
