/* 5 dining philosophers, forks as processes on rendezvous channels, philosopher 5 left-handed */
#define N 5
chan give[N] = [0] of { bit };
chan back[N] = [0] of { bit };

proctype fork(byte i) {
  do
  :: give[i]!1; back[i]?_
  od
}

proctype phil(byte first; byte second) {
  do
  :: give[first]?_; give[second]?_; back[first]!1; back[second]!1
  od
}

init {
  atomic {
    run fork(0);
    run fork(1);
    run fork(2);
    run fork(3);
    run fork(4);
    run phil(0, 1);
    run phil(1, 2);
    run phil(2, 3);
    run phil(3, 4);
    run phil(0, 4);
  }
}
