/* How the search ranks results (html_search_scorer in docs/conf.py): Sphinx's own scores, with
   the maintainer guide's pages after every page a reader looks for, so that searching "compiler"
   lists the editions, talks and people before the directive reference. */
var Scorer = {
  score: (result) => {
    const [docname, , , , score] = result;
    return docname.startsWith("maintainer/") ? score - 1000 : score;
  },
  // Sphinx 9's defaults (sphinx/themes/basic/static/searchtools.js), which this object replaces
  objNameMatch: 11,
  objPartialMatch: 6,
  objPrio: { 0: 15, 1: 5, 2: -5 },
  objPrioDefault: 0,
  title: 15,
  partialTitle: 7,
  term: 5,
  partialTerm: 2,
};
