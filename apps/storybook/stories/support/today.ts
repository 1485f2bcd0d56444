import { addDays, todayInLondon } from '@council-kit/contracts';
import { councilNow } from '@council-kit/core';
import { anytownCollectionsOn } from '@council-kit/contracts/fixtures';

/**
 * The day the stories are dated from: COUNCIL_TEST_TODAY when the tests (or the build they
 * check) ran with it, else today. The preview puts it on the page as
 * `<meta name="council-today">`, so the elements' clock and the fixtures always agree, and a
 * designer always sees dates around today.
 */
export const storyToday: string = __COUNCIL_TEST_TODAY__ || todayInLondon(councilNow());

/** A date `days` from the stories' today. */
export const storyDay = (days: number): string => addDays(storyToday, days);

/** Anytown's collections as the API would answer them on the stories' today. */
export const anytownCollections = anytownCollectionsOn(storyToday);

if (!document.querySelector('meta[name="council-today"]')) {
  const meta = document.createElement('meta');
  meta.name = 'council-today';
  meta.content = storyToday;
  document.head.append(meta);
}
