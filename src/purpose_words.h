/* purpose_words.h — the words the purpose grammar looks up (purpose.c):
 * its English words with their word classes, and in Korean the nouns of
 * what money pays for, the particles and the words that only time or hedge
 * an amount; and the hashes that find them.
 *
 * Each list is an X-macro, so that one list gives purpose.c its table (and
 * the English words their names, EN_for) and gives scripts/gen_purpose_slots.c,
 * at build time, what it places in the hash tables that find a word of the
 * text: an index is derived from its list, never kept beside it.
 * W(word, classes) is a word spelt as its C name, WS(name, "spelling",
 * classes) one that is not.  Words with no class are here because a
 * construction asks for them by name.  The lists are in an order for the
 * reader only: nothing depends on it.
 */
#ifndef FT_PURPOSE_WORDS_H
#define FT_PURPOSE_WORDS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "text.h"

#define FT_PURPOSE_WORDS(W, WS)                                                \
    W(a, W_DET)                                                                \
    W(about, W_PREP | W_HEDGE)                                                 \
    W(above, W_PREP)                                                           \
    W(accord, W_DEAL)                                                          \
    W(according, W_VERB)                                                       \
    W(accounted, W_VERB)                                                       \
    W(accounts, W_VAGUE)                                                       \
    W(acquire, W_TO)                                                           \
    W(across, W_PREP)                                                          \
    W(added, W_VERB)                                                           \
    W(additional, W_HEDGE)                                                     \
    W(administration, W_WHO)                                                   \
    W(after, W_PREP)                                                           \
    W(against, W_PREP)                                                         \
    W(agency, W_WHO)                                                           \
    W(agreed, W_VERB)                                                          \
    W(agreement, W_DEAL)                                                       \
    W(aid, W_PAID)                                                             \
    W(all, W_DET)                                                              \
    W(allocate, W_GIVE)                                                        \
    W(allocated, W_LINK | W_ALLOT | W_GIVE)                                    \
    W(allocates, W_VERB | W_GIVE)                                              \
    W(allocation, W_VAGUE)                                                     \
    W(allots, W_VERB)                                                          \
    W(allotted, W_LINK | W_ALLOT)                                              \
    W(allowance, W_PAID)                                                       \
    W(allowances, W_PAID)                                                      \
    W(almost, W_HEDGE)                                                         \
    W(alone, W_HEDGE)                                                          \
    W(already, W_HEDGE)                                                        \
    W(also, W_HEDGE)                                                           \
    W(altogether, W_EACH)                                                      \
    W(amid, W_PREP)                                                            \
    W(amount, W_VAGUE)                                                         \
    W(amounted, W_LINK)                                                        \
    W(amounts, W_LINK)                                                         \
    W(an, W_DET)                                                               \
    W(analysts, W_WHO)                                                         \
    W(and, W_CONJ)                                                             \
    W(announced, W_VERB)                                                       \
    W(annual, W_TIME)                                                          \
    W(annually, W_TIME | W_EACH)                                               \
    W(another, W_DET | W_HEDGE)                                                \
    W(apiece, W_EACH)                                                          \
    W(approved, W_VERB | W_ALLOT)                                              \
    W(approves, W_VERB)                                                        \
    W(approximately, W_HEDGE)                                                  \
    W(april, W_TIME)                                                           \
    W(are, W_AUX)                                                              \
    W(around, W_PREP | W_HEDGE)                                                \
    W(as, W_PREP)                                                              \
    W(aside, W_HEDGE)                                                          \
    W(ask, W_VERB)                                                             \
    W(asked, W_VERB)                                                           \
    W(asking, W_VERB)                                                          \
    W(asks, W_VERB)                                                            \
    W(assembly, W_WHO)                                                         \
    W(assign, W_GIVE)                                                          \
    W(assigned, W_ALLOT)                                                       \
    W(assistance, W_PAID)                                                      \
    W(at, W_PREP)                                                              \
    W(august, W_TIME)                                                          \
    W(be, W_AUX)                                                               \
    W(bear, W_VERB)                                                            \
    W(bears, W_VERB)                                                           \
    W(became, W_LINK)                                                          \
    W(become, W_LINK)                                                          \
    W(becomes, W_LINK)                                                         \
    W(been, W_AUX)                                                             \
    W(before, W_PREP)                                                          \
    W(being, W_AUX)                                                            \
    W(below, W_PREP)                                                           \
    W(between, W_PREP)                                                         \
    W(bolster, W_TO)                                                           \
    W(bonus, W_PAID)                                                           \
    W(bonuses, W_PAID)                                                         \
    W(boost, W_TO | W_CHANGE | W_RAISE)                                        \
    W(boosted, W_VERB | W_RAISE)                                               \
    W(borrowed, W_VERB)                                                        \
    W(borrows, W_VERB)                                                         \
    W(bought, W_VERB)                                                          \
    W(bring, W_RAISE)                                                          \
    W(bringing, W_VERB | W_RAISE)                                              \
    W(brought, 0)                                                              \
    W(budget, W_VAGUE)                                                         \
    W(budgeted, W_ALLOT)                                                       \
    W(budgets, W_VERB)                                                         \
    W(build, W_TO)                                                             \
    W(built, 0)                                                                \
    W(but, W_CONJ)                                                             \
    W(buy, W_TO)                                                               \
    W(buys, W_VERB)                                                            \
    W(by, W_PREP)                                                              \
    W(cabinet, W_WHO)                                                          \
    W(calls, W_VERB)                                                           \
    W(came, W_LINK)                                                            \
    W(can, W_AUX)                                                              \
    W(capped, W_LINK)                                                          \
    W(claimed, W_VERB)                                                         \
    W(climb, W_LINK)                                                           \
    W(climbed, W_LINK)                                                         \
    W(climbs, W_LINK)                                                          \
    W(come, W_LINK)                                                            \
    W(comes, W_LINK)                                                           \
    W(coming, W_TIME)                                                          \
    W(committed, W_ALLOT)                                                      \
    W(committee, W_WHO)                                                        \
    W(company, W_WHO)                                                          \
    W(compared, W_PREP)                                                        \
    W(compensate, W_TO)                                                        \
    W(compensation, W_PAID)                                                    \
    W(congress, W_WHO)                                                         \
    W(construct, W_TO)                                                         \
    W(contract, W_DEAL)                                                        \
    W(contracts, W_DEAL)                                                       \
    W(contributed, W_VERB)                                                     \
    W(contributes, W_VERB)                                                     \
    W(contributions, W_PAID)                                                   \
    W(cost, W_VAGUE)                                                           \
    W(costing, W_LINK)                                                         \
    W(costs, W_VAGUE)                                                          \
    W(could, W_AUX)                                                            \
    W(cover, W_TO)                                                             \
    W(covers, W_VERB)                                                          \
    W(currently, W_TIME)                                                       \
    W(cut, W_CHANGE | W_VERB | W_RAISE)                                        \
    W(cuts, W_CHANGE)                                                          \
    W(damages, W_PAID)                                                         \
    W(day, W_TIME)                                                             \
    W(days, W_TIME)                                                            \
    W(deal, W_DEAL)                                                            \
    W(deals, W_DEAL)                                                           \
    W(decades, W_TIME)                                                         \
    W(december, W_TIME)                                                        \
    W(decline, W_CHANGE)                                                       \
    W(declined, W_LINK)                                                        \
    W(decrease, W_CHANGE)                                                      \
    W(demanded, W_VERB)                                                        \
    W(demands, W_VERB)                                                         \
    W(deploy, W_TO)                                                            \
    W(designated, W_ALLOT)                                                     \
    W(despite, W_PREP)                                                         \
    W(develop, W_TO)                                                           \
    W(did, W_AUX)                                                              \
    W(do, W_AUX)                                                               \
    W(does, W_AUX)                                                             \
    W(donate, 0)                                                               \
    W(donated, W_VERB)                                                         \
    W(donates, W_VERB)                                                         \
    W(done, 0)                                                                 \
    W(down, W_HEDGE)                                                           \
    W(drawn, 0)                                                                \
    W(dropped, W_LINK)                                                         \
    W(during, W_PREP)                                                          \
    W(each, W_DET | W_EACH)                                                    \
    W(earmarked, W_ALLOT | W_VERB)                                             \
    W(earn, W_LINK)                                                            \
    W(earned, W_VERB)                                                          \
    W(earns, W_LINK)                                                           \
    W(eight, W_NUMBER)                                                         \
    W(end, W_LINK)                                                             \
    W(ended, W_LINK)                                                           \
    W(ends, W_LINK)                                                            \
    W(equals, W_LINK)                                                          \
    W(equip, W_TO)                                                             \
    W(estimate, W_RAISE)                                                       \
    W(estimated, W_HEDGE)                                                      \
    W(estimates, W_HEDGE)                                                      \
    W(every, W_DET)                                                            \
    W(exceed, W_LINK)                                                          \
    W(exceeded, W_LINK)                                                        \
    W(exceeding, W_VERB)                                                       \
    W(exceeds, W_LINK)                                                         \
    W(exercises, W_VERB)                                                       \
    W(expand, W_TO)                                                            \
    W(expected, W_LINK)                                                        \
    W(expects, W_VERB)                                                         \
    W(expenditure, W_PAID)                                                     \
    W(expenditures, W_PAID)                                                    \
    W(fallen, W_LINK)                                                          \
    W(february, W_TIME)                                                        \
    W(fell, W_LINK)                                                            \
    W(figure, W_VAGUE)                                                         \
    W(finalised, W_LINK)                                                       \
    W(finalized, W_LINK)                                                       \
    W(finance, W_TO)                                                           \
    W(financial, 0)                                                            \
    W(fiscal, W_TIME)                                                          \
    W(five, W_NUMBER)                                                          \
    W(fixed, W_LINK)                                                           \
    W(for, W_PREP)                                                             \
    W(forecast, W_LINK)                                                        \
    W(foresee, W_VERB)                                                         \
    W(foresees, W_VERB)                                                        \
    W(four, W_NUMBER)                                                          \
    W(from, W_PREP)                                                            \
    W(fund, W_TO | W_VAGUE)                                                    \
    W(funding, W_PAID | W_VAGUE)                                               \
    W(funds, W_VAGUE)                                                          \
    W(gained, W_LINK)                                                          \
    W(gaining, W_LINK)                                                         \
    W(gains, W_LINK)                                                           \
    W(gave, W_VERB | W_GIVE)                                                   \
    W(get, W_LINK)                                                             \
    W(gets, W_LINK)                                                            \
    W(give, W_VERB | W_GIVE)                                                   \
    W(given, W_LINK)                                                           \
    W(go, W_LINK | W_ALLOT)                                                    \
    W(goes, W_LINK | W_ALLOT)                                                  \
    W(going, W_LINK | W_ALLOT)                                                 \
    W(good, W_HEDGE)                                                           \
    W(got, W_LINK)                                                             \
    W(government, W_WHO)                                                       \
    W(grant, W_GIVE)                                                           \
    W(granted, W_GIVE)                                                         \
    W(grants, W_PAID | W_GIVE)                                                 \
    W(grew, W_LINK)                                                            \
    W(grow, W_LINK)                                                            \
    W(growing, W_LINK)                                                         \
    W(grown, W_LINK)                                                           \
    W(grows, W_LINK)                                                           \
    W(had, W_AUX)                                                              \
    W(hand, W_GIVE)                                                            \
    W(handed, W_GIVE)                                                          \
    W(has, W_AUX)                                                              \
    W(have, W_AUX)                                                             \
    W(he, W_PRON)                                                              \
    W(hefty, W_HEDGE)                                                          \
    W(held, W_LINK)                                                            \
    W(help, W_TO)                                                              \
    W(her, W_DET)                                                              \
    W(hike, W_CHANGE)                                                          \
    W(hiked, W_VERB | W_RAISE)                                                 \
    W(him, W_PRON)                                                             \
    W(hire, W_TO)                                                              \
    W(his, W_DET)                                                              \
    W(hit, W_LINK)                                                             \
    W(hold, W_LINK)                                                            \
    W(holds, W_LINK)                                                           \
    W(hours, W_TIME)                                                           \
    W(i, W_PRON)                                                               \
    W(improve, W_TO)                                                           \
    W(in, W_PREP)                                                              \
    W(includes, W_VERB)                                                        \
    W(including, W_PREP)                                                       \
    W(increase, W_CHANGE | W_RAISE)                                            \
    W(increased, W_LINK)                                                       \
    W(increases, W_CHANGE)                                                     \
    W(increasing, W_VERB | W_RAISE)                                            \
    W(injection, W_VAGUE)                                                      \
    W(intended, W_ALLOT)                                                       \
    W(into, W_PREP)                                                            \
    W(invest, 0)                                                               \
    W(invested, W_VERB)                                                        \
    W(investment, W_PAID)                                                      \
    W(invests, W_VERB)                                                         \
    W(involves, W_VERB)                                                        \
    W(is, W_AUX)                                                               \
    W(it, W_PRON)                                                              \
    W(its, W_DET)                                                              \
    W(itself, W_PRON)                                                          \
    W(january, W_TIME)                                                         \
    W(july, W_TIME)                                                            \
    W(jumped, W_LINK)                                                          \
    W(june, W_TIME)                                                            \
    W(just, W_HEDGE)                                                           \
    W(keep, W_TO)                                                              \
    W(last, W_TIME)                                                            \
    W(lawmakers, W_WHO)                                                        \
    W(least, W_HEDGE)                                                          \
    W(left, W_LINK)                                                            \
    W(lends, W_VERB)                                                           \
    W(lent, W_VERB)                                                            \
    W(less, W_HEDGE)                                                           \
    W(level, W_VAGUE)                                                          \
    W(lift, W_RAISE)                                                           \
    W(lifted, W_VERB | W_RAISE)                                                \
    W(lifting, W_VERB | W_RAISE)                                               \
    W(lifts, W_RAISE)                                                          \
    W(likely, W_HEDGE)                                                         \
    W(loans, W_PAID)                                                           \
    W(made, 0)                                                                 \
    W(maintain, W_TO)                                                          \
    W(march, W_TIME)                                                           \
    W(mark, W_VAGUE)                                                           \
    W(marks, W_VERB)                                                           \
    W(may, W_AUX | W_TIME)                                                     \
    W(mere, W_HEDGE)                                                           \
    W(might, W_AUX)                                                            \
    W(minister, W_WHO)                                                         \
    W(ministry, W_WHO)                                                         \
    W(modernise, W_TO)                                                         \
    W(modernize, W_TO)                                                         \
    W(money, W_VAGUE)                                                          \
    W(month, W_TIME)                                                           \
    W(months, W_TIME)                                                          \
    W(more, W_HEDGE)                                                           \
    W(must, W_AUX)                                                             \
    W(nearly, W_HEDGE)                                                         \
    W(need, W_VERB)                                                            \
    W(needed, W_VERB | W_ALLOT)                                                \
    W(needs, W_VERB)                                                           \
    W(next, W_TIME)                                                            \
    W(nine, W_NUMBER)                                                          \
    W(noted, W_VERB)                                                           \
    W(november, W_TIME)                                                        \
    W(now, W_TIME)                                                             \
    W(october, W_TIME)                                                         \
    W(of, W_PREP)                                                              \
    W(offered, W_VERB)                                                         \
    W(offers, W_VERB)                                                          \
    W(official, W_WHO)                                                         \
    W(officials, W_WHO)                                                        \
    W(on, W_PREP)                                                              \
    WS(on_year, "on-year", 0)                                                  \
    W(only, W_HEDGE)                                                           \
    W(operate, W_TO)                                                           \
    W(or, W_CONJ)                                                              \
    W(our, W_DET)                                                              \
    W(out, 0)                                                                  \
    W(outlay, W_PAID)                                                          \
    W(outlays, W_PAID)                                                         \
    W(outstripping, W_VERB)                                                    \
    W(over, W_PREP | W_HEDGE)                                                  \
    W(owed, W_VERB)                                                            \
    W(owes, W_VERB)                                                            \
    W(pact, W_DEAL)                                                            \
    W(paid, W_VERB)                                                            \
    W(parliament, W_WHO)                                                       \
    W(passed, W_LINK)                                                          \
    W(past, W_TIME)                                                            \
    W(pay, W_TO | W_PAID)                                                      \
    W(payments, W_PAID)                                                        \
    W(pays, W_VERB)                                                            \
    W(pension, W_PAID)                                                         \
    W(pensions, W_PAID)                                                        \
    W(pentagon, W_WHO)                                                         \
    W(per, W_PREP)                                                             \
    W(percent, 0)                                                              \
    W(planned, W_VERB)                                                         \
    W(plans, W_VERB)                                                           \
    W(pledged, W_VERB)                                                         \
    W(pledges, W_VERB)                                                         \
    W(possible, W_HEDGE)                                                       \
    W(potential, W_HEDGE)                                                      \
    W(president, W_WHO)                                                        \
    W(previous, W_TIME)                                                        \
    W(priced, W_LINK)                                                          \
    W(procure, W_TO)                                                           \
    W(produce, W_TO)                                                           \
    W(projected, W_LINK)                                                       \
    W(projects, W_VERB)                                                        \
    W(promised, W_VERB)                                                        \
    W(proposed, W_VERB | W_ALLOT)                                              \
    W(proposes, W_VERB)                                                        \
    W(provide, W_TO | W_GIVE)                                                  \
    W(provided, W_LINK | W_GIVE)                                               \
    W(provides, W_LINK | W_GIVE)                                               \
    W(purchase, W_TO)                                                          \
    W(push, W_RAISE)                                                           \
    W(put, W_RAISE)                                                            \
    W(puts, W_RAISE)                                                           \
    W(raise, W_CHANGE | W_RAISE)                                               \
    W(raised, W_VERB | W_RAISE)                                                \
    W(raises, W_RAISE)                                                         \
    W(raising, W_VERB | W_RAISE)                                               \
    W(ranks, W_VERB)                                                           \
    W(reach, W_LINK)                                                           \
    W(reached, W_LINK)                                                         \
    W(reaches, W_LINK)                                                         \
    W(reaching, W_LINK)                                                        \
    W(rebuild, W_TO)                                                           \
    W(receive, W_LINK)                                                         \
    W(received, W_LINK)                                                        \
    W(receives, W_LINK)                                                        \
    W(record, W_HEDGE)                                                         \
    W(reduce, W_RAISE)                                                         \
    W(reduced, W_LINK)                                                         \
    W(reduction, W_CHANGE)                                                     \
    W(remain, W_LINK)                                                          \
    W(remained, W_LINK)                                                        \
    W(remains, W_LINK)                                                         \
    W(renovate, W_TO)                                                          \
    W(repair, W_TO)                                                            \
    W(replace, W_TO)                                                           \
    W(reported, W_VERB)                                                        \
    W(request, 0)                                                              \
    W(requested, W_VERB | W_ALLOT)                                             \
    W(requests, W_VERB)                                                        \
    W(requires, W_VERB)                                                        \
    W(reserved, W_ALLOT)                                                       \
    W(respectively, 0)                                                         \
    W(restore, W_TO)                                                           \
    W(revenue, W_PAID)                                                         \
    W(revised, W_HEDGE)                                                        \
    W(rise, W_CHANGE | W_LINK)                                                 \
    W(risen, W_LINK)                                                           \
    W(rises, W_LINK)                                                           \
    W(rising, W_LINK)                                                          \
    W(rose, W_LINK)                                                            \
    W(roughly, W_HEDGE)                                                        \
    W(said, W_VERB)                                                            \
    W(salaries, W_PAID)                                                        \
    W(salary, W_PAID)                                                          \
    W(sales, W_PAID)                                                           \
    W(save, 0)                                                                 \
    W(saved, 0)                                                                \
    W(say, W_VERB)                                                             \
    W(says, W_VERB)                                                            \
    W(seek, W_VERB)                                                            \
    W(seeks, W_VERB)                                                           \
    W(sells, W_VERB)                                                           \
    W(senate, W_WHO)                                                           \
    W(september, W_TIME)                                                       \
    W(set, W_LINK)                                                             \
    W(sets, W_LINK)                                                            \
    W(settle, W_VERB)                                                          \
    W(seven, W_NUMBER)                                                         \
    W(she, W_PRON)                                                             \
    W(should, W_AUX)                                                           \
    W(show, W_VERB)                                                            \
    W(shows, W_VERB)                                                           \
    W(shrunk, W_LINK)                                                          \
    W(signed, W_VERB)                                                          \
    W(since, W_PREP)                                                           \
    W(six, W_NUMBER)                                                           \
    W(sizable, W_HEDGE)                                                        \
    W(slashed, W_LINK)                                                         \
    W(sold, 0)                                                                 \
    W(some, W_HEDGE)                                                           \
    W(sought, W_VERB | W_ALLOT)                                                \
    W(spending, W_PAID)                                                        \
    W(spends, W_VERB)                                                          \
    W(spent, W_VERB | W_ALLOT)                                                 \
    W(stand, W_LINK)                                                           \
    W(stands, W_LINK)                                                          \
    W(still, W_HEDGE)                                                          \
    W(stood, W_LINK)                                                           \
    W(strengthen, W_TO)                                                        \
    W(subsidies, W_PAID)                                                       \
    W(subsidy, W_PAID)                                                         \
    W(sum, W_VAGUE)                                                            \
    W(supply, W_TO)                                                            \
    W(support, W_TO | W_PAID)                                                  \
    W(surpassed, W_LINK)                                                       \
    W(taken, 0)                                                                \
    W(ten, W_NUMBER)                                                           \
    W(than, W_PREP)                                                            \
    W(that, W_DET | W_PRON)                                                    \
    W(the, W_DET)                                                              \
    W(their, W_DET)                                                            \
    W(them, W_PRON)                                                            \
    W(themselves, W_PRON)                                                      \
    W(then, W_TIME)                                                            \
    W(there, W_PRON)                                                           \
    W(these, W_DET)                                                            \
    W(they, W_PRON)                                                            \
    W(this, W_DET)                                                             \
    W(those, W_DET)                                                            \
    W(though, W_CONJ)                                                          \
    W(three, W_NUMBER)                                                         \
    W(threshold, W_VAGUE)                                                      \
    W(through, W_PREP)                                                         \
    W(to, W_PREP)                                                              \
    W(told, W_VERB)                                                            \
    W(topped, W_LINK)                                                          \
    W(tops, W_VERB)                                                            \
    W(total, W_VAGUE)                                                          \
    W(totaled, W_LINK)                                                         \
    W(totalled, W_LINK)                                                        \
    W(totals, W_LINK)                                                          \
    W(toward, W_PREP)                                                          \
    W(towards, W_PREP)                                                         \
    W(train, W_TO)                                                             \
    W(transfer, W_GIVE)                                                        \
    W(two, W_NUMBER)                                                           \
    W(under, W_PREP)                                                           \
    W(until, W_PREP)                                                           \
    W(up, W_HEDGE)                                                             \
    W(upgrade, W_TO)                                                           \
    W(upon, W_PREP)                                                            \
    W(used, W_ALLOT)                                                           \
    W(valued, W_LINK)                                                          \
    W(via, W_PREP)                                                             \
    W(wage, W_PAID)                                                            \
    W(wages, W_PAID)                                                           \
    W(want, W_VERB)                                                            \
    W(wants, W_VERB)                                                           \
    W(was, W_AUX)                                                              \
    W(we, W_PRON)                                                              \
    W(week, W_TIME)                                                            \
    W(weeks, W_TIME)                                                           \
    W(well, W_HEDGE)                                                           \
    W(went, W_LINK)                                                            \
    W(were, W_AUX)                                                             \
    W(when, W_PRON)                                                            \
    W(where, W_PRON)                                                           \
    W(whereas, W_CONJ)                                                         \
    W(which, W_PRON)                                                           \
    W(while, W_CONJ)                                                           \
    W(who, W_PRON)                                                             \
    W(whopping, W_HEDGE)                                                       \
    W(will, W_AUX)                                                             \
    W(with, W_PREP)                                                            \
    W(within, W_PREP)                                                          \
    W(without, W_PREP)                                                         \
    W(worth, W_LINK)                                                           \
    W(would, W_AUX)                                                            \
    W(year, W_TIME)                                                            \
    W(years, W_TIME)                                                           \
    W(yet, W_HEDGE)                                                            \
    W(you, W_PRON)

/* Korean nouns of what money pays for: a word holding one names a
 * purpose (병장 월급, 방위비 분담금, 방위력개선비).  Each is two syllables or
 * more: the hash table finds them by their first two (gen_purpose_slots.c). */
#define FT_PURPOSE_DOMAIN_NOUNS(X)                                             \
    X("\xEC\x98\x88\xEC\x82\xB0")             /* 예산 */                     \
    X("\xEA\xB8\xB0\xEA\xB8\x88")             /* 기금 */                     \
    X("\xEB\xB6\x84\xEB\x8B\xB4")             /* 분담 */                     \
    X("\xEB\xB4\x89\xEA\xB8\x89")             /* 봉급 */                     \
    X("\xEC\x9B\x94\xEA\xB8\x89")             /* 월급 */                     \
    X("\xEA\xB8\x89\xEC\x97\xAC")             /* 급여 */                     \
    X("\xEA\xB8\xB0\xEB\xB3\xB8\xEA\xB8\x89") /* 기본급 */                  \
    X("\xEC\x88\x98\xEB\x8B\xB9")             /* 수당 */                     \
    X("\xEA\xB8\x89\xEC\x8B\x9D")             /* 급식 */                     \
    X("\xEC\x82\xAC\xEC\x97\x85")             /* 사업 */                     \
    X("\xEA\xB3\x84\xED\x9A\x8D")             /* 계획 */                     \
    X("\xEC\x9E\xAC\xEC\x9B\x90")             /* 재원 */                     \
    X("\xEC\xB2\xB4\xEA\xB3\x84")             /* 체계 */                     \
    X("\xEC\x88\x98\xEC\xB6\x9C")             /* 수출 */                     \
    X("\xEA\xB3\x84\xEC\x95\xBD")             /* 계약 */                     \
    X("\xEC\x9E\x94\xEC\x95\xA1")             /* 잔액 */                     \
    X("\xEC\xA7\x80\xEC\x9B\x90\xEA\xB8\x88") /* 지원금 */                  \
    X("\xEC\xA0\x81\xEA\xB8\x88")             /* 적금 */                     \
    X("\xEB\xB3\x91\xEC\x9E\xA5")             /* 병장 */                     \
    X("\xEC\x83\x81\xEB\xB3\x91")             /* 상병 */                     \
    X("\xEC\x9D\xBC\xEB\xB3\x91")             /* 일병 */                     \
    X("\xEC\x9D\xB4\xEB\xB3\x91")             /* 이병 */                     \
    X("\xED\x95\x98\xEC\x82\xAC")             /* 하사 */                     \
    X("\xEC\x86\x8C\xEC\x9C\x84")             /* 소위 */                     \
    X("\xEC\x86\x8C\xEB\x8C\x80\xEC\x9E\xA5") /* 소대장 */                  \
    X("\xEA\xB0\x84\xEB\xB6\x80")             /* 간부 */                     \
    X("\xEB\xB3\x91\xEC\x82\xAC")             /* 병사 */                     \
    X("\xEC\x9E\x90\xEC\xA3\xBC\xED\x8F\xAC") /* 자주포 */                  \
    X("\xEC\xA0\x84\xED\x88\xAC\xEA\xB8\xB0") /* 전투기 */                  \
    X("\xED\x97\xAC\xEA\xB8\xB0")             /* 헬기 */                     \
    X("\xEC\x9E\xA0\xEC\x88\x98\xED\x95\xA8") /* 잠수함 */                  \
    X("\xEB\xAF\xB8\xEC\x82\xAC\xEC\x9D\xBC") /* 미사일 */                  \
    X("\xEB\xAC\xB4\xEC\x9D\xB8")             /* 무인 */                     \
    X("\xED\x95\xAD\xEA\xB3\xB5\xEA\xB8\xB0") /* 항공기 */                  \
    X("\xED\x83\x84\xEC\x95\xBD")             /* 탄약 */                     \
    X("\xEB\xB0\xB0\xEC\x83\x81")             /* 배상 */                     \
    X("\xEB\xB3\xB4\xEC\x83\x81")             /* 보상 */                     \
    X("\xEC\xB0\xA8\xEA\xB4\x80")             /* 차관 */                     \
    X("\xEB\xB9\x84\xEB\xA3\x8C")             /* 비료 */                     \
    X("\xEC\x9D\xB8\xEA\xB6\x8C")             /* 인권 */                     \
    X("\xEC\xB4\x9D\xEC\xA7\x80\xEC\xB6\x9C") /* 총지출 */                  \
    X("\xEB\xA7\xA4\xEC\xB6\x9C")             /* 매출 */                     \
    X("\xEB\x8B\xA8\xEA\xB0\x80")             /* 단가 */                     \
    X("\xEA\xB0\x80\xEA\xB2\xA9")             /* 가격 */                     \
    X("\xEB\xB0\xA9\xEC\x9C\x84\xEB\xB9\x84") /* 방위비 */                  \
    X("\xEA\xB5\xAD\xEB\xB0\xA9\xEB\xB9\x84") /* 국방비 */                  \
    X("\xEA\xB0\x9C\xEC\x84\xA0\xEB\xB9\x84") /* 개선비 */                  \
    X("\xEC\x9C\xA0\xEC\xA7\x80\xEB\xB9\x84") /* 유지비 */                  \
    X("\xEC\x9A\xB4\xEC\x98\x81\xEB\xB9\x84") /* 운영비 */                  \
    X("\xEC\x9A\xB4\xEC\x9A\xA9\xEB\xB9\x84") /* 운용비 */                  \
    X("\xED\x99\x9C\xEB\x8F\x99\xEB\xB9\x84") /* 활동비 */                  \
    X("\xEA\xB0\x9C\xEB\xB0\x9C\xEB\xB9\x84") /* 개발비 */                  \
    X("\xEC\x9D\xB8\xEA\xB1\xB4\xEB\xB9\x84") /* 인건비 */                  \
    X("\xEC\xB2\x98\xEC\x9A\xB0")             /* 처우 */                     \
    X("\xEB\xB6\x84\xEB\x8B\xB4\xEA\xB8\x88") /* 분담금 */                  \
    X("\xEC\xA7\x80\xEC\xB6\x9C")             /* 지출 */                     \
    X("\xEB\xB9\x84\xEC\x9A\xA9")             /* 비용 */

/* Korean particles that end a noun phrase: a word loses the longest that
 * ends it (purpose.c).  Each is one to three syllables, whole ones. */
#define FT_PURPOSE_PARTICLES(X)                                                \
    X("\xEC\x9C\xBC\xEB\xA1\x9C\xEB\x8F\x84") /* 으로도 */                  \
    X("\xEC\x97\x90\xEC\x84\x9C\xEB\x8F\x84") /* 에서도 */                  \
    X("\xEA\xB9\x8C\xEC\xA7\x80\xEB\x8A\x94") /* 까지는 */                  \
    X("\xEB\xA1\x9C\xEB\x8F\x84")             /* 로도 */                     \
    X("\xEC\x97\x90\xEB\x8F\x84")             /* 에도 */                     \
    X("\xEC\x97\x90\xEC\x84\x9C\xEB\x8A\x94") /* 에서는 */                  \
    X("\xEC\x9C\xBC\xEB\xA1\x9C\xEB\x8A\x94") /* 으로는 */                  \
    X("\xEC\x97\x90\xEB\x8A\x94")             /* 에는 */                     \
    X("\xEC\x97\x90\xEC\x84\x9C")             /* 에서 */                     \
    X("\xEC\x9C\xBC\xEB\xA1\x9C")             /* 으로 */                     \
    X("\xEA\xB9\x8C\xEC\xA7\x80")             /* 까지 */                     \
    X("\xEB\xB6\x80\xED\x84\xB0")             /* 부터 */                     \
    X("\xEC\x9D\xB4\xEB\x8B\xA4")             /* 이다 */                     \
    X("\xEC\x9D\xB4\xEB\xA9\xB0")             /* 이며 */                     \
    X("\xEC\x97\x90\xEA\xB2\x8C")             /* 에게 */                     \
    X("\xEB\xB3\xB4\xEB\x8B\xA4")             /* 보다 */                     \
    X("\xEC\x9D\x80")                         /* 은 */                        \
    X("\xEB\x8A\x94")                         /* 는 */                        \
    X("\xEC\x9D\xB4")                         /* 이 */                        \
    X("\xEA\xB0\x80")                         /* 가 */                        \
    X("\xEC\x9D\x84")                         /* 을 */                        \
    X("\xEB\xA5\xBC")                         /* 를 */                        \
    X("\xEC\x9D\x98")                         /* 의 */                        \
    X("\xEC\x97\x90")                         /* 에 */                        \
    X("\xEB\xA1\x9C")                         /* 로 */                        \
    X("\xEC\x99\x80")                         /* 와 */                        \
    X("\xEA\xB3\xBC")                         /* 과 */                        \
    X("\xEB\x8F\x84")                         /* 도 */                        \
    X("\xEB\xA7\x8C")                         /* 만 */

/* Korean words that time or hedge an amount and name nothing
 * (purpose.c).  Each is whole syllables. */
#define FT_PURPOSE_KOREAN_SKIPS(X)                                             \
    X("\xEC\x98\xAC\xED\x95\xB4")             /* 올해 */                     \
    X("\xEB\x82\xB4\xEB\x85\x84")             /* 내년 */                     \
    X("\xEC\xA7\x80\xEB\x82\x9C\xED\x95\xB4") /* 지난해 */                  \
    X("\xEC\x9E\x91\xEB\x85\x84")             /* 작년 */                     \
    X("\xEA\xB8\x88\xEB\x85\x84")             /* 금년 */                     \
    X("\xEC\xA0\x84\xEB\x85\x84")             /* 전년 */                     \
    X("\xED\x98\x84\xEC\x9E\xAC")             /* 현재 */                     \
    X("\xEC\x9B\x94")                         /* 월 */                        \
    X("\xEC\x97\xB0\xEA\xB0\x84")             /* 연간 */                     \
    X("\xED\x95\x98\xEB\xA3\xA8")             /* 하루 */                     \
    X("\xEB\xA7\xA4\xEB\x85\x84")             /* 매년 */                     \
    X("\xEC\x95\xBD")                         /* 약 */                        \
    X("\xEC\xB4\x9D")                         /* 총 */                        \
    X("\xEC\xB5\x9C\xEB\x8C\x80")             /* 최대 */                     \
    X("\xEA\xB0\x81\xEA\xB0\x81")             /* 각각 */                     \
    X("\xEB\xAA\xA8\xEB\x91\x90")             /* 모두 */                     \
    X("\xEB\x98\x90")                         /* 또 */                        \
    X("\xEC\x97\xAD\xEC\x8B\x9C")             /* 역시 */                     \
    X("\xEA\xB8\xB0\xEC\xA4\x80")             /* 기준 */                     \
    X("\xEC\x99\xB8")                         /* 외 */                        \
    X("\xEC\x9D\xB4\xEB\x82\xB4")             /* 이내 */                     \
    X("\xEC\x94\xA9")                         /* 씩 */                        \
    X("\xEB\x95\x8C")                         /* 때 */                        \
    X("\xED\x95\xB4")                         /* 해 */                        \
    X("\xED\x9B\x84")                         /* 후 */                        \
    X("\xEC\xA0\x84")                         /* 전 */                        \
    X("\xEB\xB9\x84\xED\x95\xB4")             /* 비해 */                     \
    X("\xEB\x8C\x80\xEB\xB9\x84")             /* 대비 */                     \
    X("\xEB\x8C\x80\xEB\x8B\xB9")             /* 대당 */                     \
    X("\xEC\xB5\x9C\xEC\x86\x8C")             /* 최소 */                     \
    X("\xEA\xB7\xB8\xEC\xA4\x91")             /* 그중 */                     \
    X("\xEB\x8B\xA4\xEC\x8B\x9C")             /* 다시 */                     \
    X("\xEA\xB0\x80\xEC\x9A\xB4\xEB\x8D\xB0") /* 가운데 */                  \
    X("\xEC\x82\xAC\xEC\x83\x81")             /* 사상 */                     \
    X("\xEC\xB2\x98\xEC\x9D\x8C")             /* 처음 */                     \
    X("\xED\x95\xA9\xEC\xB3\x90")             /* 합쳐 */                     \
    X("\xEB\x8D\xB0")                         /* 데 */                        \
    X("\xEC\x9D\xB4\xEB\xB2\x88")             /* 이번 */                     \
    X("\xED\x95\xB4\xEB\x8B\xB9")             /* 해당 */                     \
    X("\xEC\x9D\xB4")                         /* 이 */                        \
    X("\xEA\xB7\xB8")                         /* 그 */                        \
    X("\xEC\xA4\x91")                         /* 중 */                        \
    X("\xEB\x8B\xB9")                         /* 당 */                        \
    X("\xEA\xB0\x81")                         /* 각 */                        \
    X("\xEB\x93\xB1")                         /* 등 */                        \
    X("\xEB\xB0\x8F")                         /* 및 */                        \
    X("\xEB\x98\x90\xED\x95\x9C")             /* 또한 */                     \
    X("\xED\x8A\xB9\xED\x9E\x88")             /* 특히 */                     \
    X("\xEC\x9D\xB4\xEC\x83\x81")             /* 이상 */                     \
    X("\xEC\x9D\xB4\xED\x95\x98")             /* 이하 */                     \
    X("\xEA\xB0\x80\xEB\x9F\x89")             /* 가량 */                     \
    X("\xEC\xA0\x95\xEB\x8F\x84")             /* 정도 */                     \
    X("\xEC\x95\x88\xED\x8C\x8E")             /* 안팎 */                     \
    X("\xEB\x82\xB4\xEC\x99\xB8")             /* 내외 */

/* Byte i of a word, folded for the shapes below: the words of
 * the list are spelt in lower-case letters and '-', which | 0x20 leaves as
 * they are, and a word of the text that is one of them in any case comes
 * to the same bytes (what it does to other bytes does not matter). */
static inline uint32_t ft_purpose_word_byte(const char *w, size_t i)
{
    return (unsigned char)w[i] | 0x20u;
}

/* The hash of a word as word_id compares it: its sixteen bytes folded to
 * lower case and zero padded (`folded`), read as two numbers, first byte
 * lowest whatever the machine (ft_load8), so that the table the generator
 * made on one machine fits a program built for another.  A hash of the bytes
 * word_id has already folded, where one of four letters loaded and folded again
 * cost look_up twenty instructions a word.  scripts/gen_purpose_slots.c places
 * each word of the list by it, and purpose.c looks a word of the text up by it.
 */
static inline uint32_t ft_purpose_word_hash(const void *folded)
{
    const unsigned char *b = folded;
    uint64_t v =
        (ft_load8(b) ^ ft_load8(b + 8) * UINT64_C(0x9E3779B97F4A7C15)) *
        UINT64_C(0xC2B2AE3D27D4EB4F);
    return (uint32_t)(v >> 32);
}

/* The shape of a word w[0,n), n > 0: its length with its first and its last
 * letter (five bits each).  scripts/gen_purpose_slots.c marks the shape of
 * every word of the list (purpose_word_shapes), and a word of the text of
 * no marked shape is none without being hashed. */
#define FT_PURPOSE_WORD_FIRST(w) (ft_purpose_word_byte((w), 0) & 31u)
#define FT_PURPOSE_WORD_LAST(w, n) (ft_purpose_word_byte((w), (n)-1) & 31u)

/* The hash of the first two syllables (six bytes) of w: where
 * gen_purpose_slots.c places a domain noun and where purpose.c looks for one
 * that starts at w. */
static inline uint32_t ft_purpose_noun_hash(const char *w)
{
    /* the six bytes as one number, first byte lowest whatever the machine
     * (bytes 2 and 3 loaded twice, or-ed alike), mixed by one
     * multiplication whose high half is the hash: a byte at a time cost
     * some thirty instructions more, and holds_domain_noun hashes at each
     * syllable of a word */
    uint64_t v = ft_load4(w) | (uint64_t)ft_load4(w + 2) << 16;
    return (uint32_t)((v * UINT64_C(0x9E3779B97F4A7C15)) >> 32);
}

/* The hash of the syllable (three bytes) at p: gen_purpose_slots.c places a
 * particle or a Korean skip word by its last syllable, and purpose.c finds
 * there every particle that can end a word and the skip word it may be. */
static inline uint32_t ft_purpose_syllable_hash(const char *p)
{
    /* the three bytes as one number, mixed by one multiplication (as
     * ft_purpose_noun_hash) */
    uint64_t v = (uint64_t)(unsigned char)p[0] |
                 (uint64_t)(unsigned char)p[1] << 8 |
                 (uint64_t)(unsigned char)p[2] << 16;
    return (uint32_t)((v * UINT64_C(0x9E3779B97F4A7C15)) >> 32);
}

#endif
