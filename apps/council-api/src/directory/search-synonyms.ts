/**
 * Words residents use for the same thing, in English and Welsh: each set lists phrases that
 * mean one thing, and a search for any of them finds all of them. Written by hand for the
 * demo directory's categories; the Welsh follows the Welsh Government's TermCymru where it has
 * the term (banc bwyd, gofalwyr, gofal plant, digartrefedd, cyngor ar ddyledion) and the names
 * Welsh-language services use for themselves (Cylch Ti a Fi, clwb cinio). Written lower case
 * without accents, as the search compares them (grŵp → grwp). Phrases are matched as phrases:
 * "food bank" finds "Food Bank", never a clothes bank in the food category.
 */
export const synonymSets: readonly (readonly string[])[] = [
  ['food bank', 'foodbank', 'food parcel', 'emergency food', 'banc bwyd', 'banciau bwyd', 'bwyd brys'],
  ['carer', 'unpaid carer', 'gofalwr', 'gofalwyr', 'gofalwyr di dal'],
  ['toddler group', 'parent and toddler', 'playgroup', 'stay and play', 'ti a fi', 'grwp plant bach', 'grwpiau plant bach', 'cylch ti a fi', 'grwp babanod'],
  ['baby group', 'baby and toddler', 'grwp babanod'],
  ['debt advice', 'debt help', 'money advice', 'debt', 'cyngor ar ddyledion', 'help gyda dyledion', 'dyledion', 'dyled'],
  ['benefits advice', 'benefits', 'benefit', 'welfare rights', 'budd daliadau', 'cyngor ar fudd daliadau', 'hawliau lles'],
  ['mental health', 'wellbeing', 'anxiety', 'depression', 'iechyd meddwl', 'llesiant', 'gorbryder', 'iselder'],
  ['youth club', 'youth centre', 'clwb ieuenctid', 'clybiau ieuenctid', 'canolfan ieuenctid'],
  ['young people', 'teenagers', 'teens', 'pobl ifanc'],
  ['lunch club', 'luncheon club', 'clwb cinio', 'clybiau cinio'],
  ['older people', 'elderly', 'pensioners', 'over 60s', 'pobl hyn'],
  ['befriending', 'lonely', 'loneliness', 'isolated', 'cyfeillio', 'unigrwydd', 'unig'],
  ['english classes', 'english class', 'english lessons', 'esol', 'learn english', 'dosbarthiadau saesneg', 'dosbarth saesneg', 'gwersi saesneg'],
  ['digital skills', 'computer help', 'computer', 'computers', 'online', 'sgiliau digidol', 'cyfrifiaduron', 'cyfrifiadur'],
  ['library', 'libraries', 'llyfrgell', 'llyfrgelloedd'],
  ['homeless', 'homelessness', 'sleeping rough', 'rough sleeper', 'night shelter', 'digartref', 'digartrefedd', 'lloches nos'],
  ['housing advice', 'tenants', 'renting', 'landlord', 'cyngor ar dai', 'cyngor tai', 'tenantiaid', 'rhentu'],
  ['job club', 'jobs club', 'work club', 'job', 'jobs', 'employment', 'clwb swyddi', 'clwb gwaith', 'swyddi', 'swydd', 'cyflogaeth'],
  ['volunteering', 'volunteer', 'volunteers', 'gwirfoddoli', 'gwirfoddolwr', 'gwirfoddolwyr'],
  ['childcare', 'child care', 'nursery', 'holiday club', 'after school club', 'gofal plant', 'meithrinfa', 'clwb gwyliau', 'clwb ar ol ysgol'],
  ['parenting', 'parenting course', 'parenting support', 'rhianta', 'cwrs rhianta', 'cymorth rhianta'],
  ['mentoring', 'mentor', 'mentora'],
  ['drugs', 'drug', 'alcohol', 'addiction', 'recovery', 'cyffuriau', 'adferiad', 'caethiwed'],
  ['clothes', 'clothing', 'dillad', 'school uniform', 'gwisg ysgol'],
  ['furniture', 'dodrefn'],
  ['exercise', 'physical activity', 'health walks', 'walking', 'ymarfer corff', 'gweithgarwch corfforol', 'cerdded'],
  ['community meal', 'hot meal', 'free meal', 'community meals', 'prydau cymunedol', 'pryd poeth', 'cegin gymunedol'],
  ['pantry', 'community pantry', 'pantri', 'pantri cymunedol'],
  ['cafe', 'caffi'],
  ['advice', 'cyngor'],
  ['support', 'help', 'cymorth'],
  ['food', 'bwyd'],
  ['family', 'families', 'teulu', 'teuluoedd'],
  ['children', 'child', 'kids', 'plant'],
  ['baby', 'babies', 'babanod', 'baban'],
  ['group', 'groups', 'grwp', 'grwpiau'],
];

/**
 * Words that never narrow a search, dropped from it (unless the search is nothing else):
 * English and Welsh articles, conjunctions and prepositions.
 */
export const stopWords: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'and', 'or', 'of', 'for', 'in', 'on', 'at', 'to', 'with', 'near', 'me', 'my', 'is', 'are', 'by',
  'ac', 'y', 'yr', 'r', 'o', 'ar', 'i', 'yn', 'am', 'gyda', 'ger', 'fy', 'mewn', 'ym', 'yng', 'efo',
]);
