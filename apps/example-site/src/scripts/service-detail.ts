// "Service details": one service from the directory, named by the page URL's `?id=` (the
// search results link here). "Back to results" returns to the search the resident came from,
// or to `back-url` when they arrived some other way.
import '@council-kit/directory/service-detail';
