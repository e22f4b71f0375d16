# pool.py: four jobs on a pool of two workers; each job waits its number of seconds.
import time
from multiprocessing import Pool

work = (["A", "2"], ["B", "1"], ["C", "3"], ["D", "2"])


def work_log(job):
    print("Process %s Waiting %s seconds" % (job[0], job[1]), flush=True)
    time.sleep(int(job[1]))
    print("Process %s DONE" % job[0], flush=True)


if __name__ == "__main__":
    with Pool(2) as p:
        p.map(work_log, work, chunksize=1)
