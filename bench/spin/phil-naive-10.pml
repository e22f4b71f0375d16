/* 10 dining philosophers, forks as processes on rendezvous channels, naive */
#define N 10
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
    run fork(5);
    run fork(6);
    run fork(7);
    run fork(8);
    run fork(9);
    run phil(0, 1);
    run phil(1, 2);
    run phil(2, 3);
    run phil(3, 4);
    run phil(4, 5);
    run phil(5, 6);
    run phil(6, 7);
    run phil(7, 8);
    run phil(8, 9);
    run phil(9, 0);
  }
}
