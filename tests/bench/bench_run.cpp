// qc_bench_run: runs a command several times and reports its wall time and peak memory, with
// throughput figures. Needs nothing installed: /usr/bin/time is not on every fresh machine,
// so this forks, execs and reads the child's peak RSS from wait4()'s rusage.
//
//   qc_bench_run --label check --runs 3 --entries N --rows N --bytes N [--ok 0,1]
//                [--before SHELL_COMMAND] -- CMD ARGS...
//
// Each run also shows the 1-minute load average just before it (from /proc/loadavg): on a
// shared machine wall times mean little without it, and user + sys CPU time is steadier.

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

namespace {

struct Options {
    std::string label = "run";
    int runs = 3;
    std::uint64_t entries = 0; ///< entries judged per run (0: not reported)
    std::uint64_t rows = 0;    ///< unit rows read per run (0: not reported)
    std::uint64_t bytes = 0;   ///< input bytes per run (0: not reported)
    std::vector<int> ok_status = {0};
    std::string before;        ///< run by /bin/sh before each run, not timed (e.g. rm a store)
    std::vector<char*> command;
};

struct Sample {
    double wall_s = 0;
    double user_s = 0;
    double sys_s = 0;
    long peak_rss_kb = 0;
    int status = 0;
    double load = -1; ///< 1-minute load average before the run; -1 when unknown
};

double seconds(const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; }

double now() {
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

double load_average() {
    double load = -1;
    if (std::FILE* file = std::fopen("/proc/loadavg", "r")) {
        if (std::fscanf(file, "%lf", &load) != 1) {
            load = -1;
        }
        std::fclose(file);
    }
    return load;
}

/// Runs the command once; its stdout and stderr pass through.
Sample run_once(const Options& o) {
    const double load = load_average();
    const double start = now();
    const pid_t child = fork();
    if (child < 0) {
        std::fprintf(stderr, "qc_bench_run: fork: %s\n", std::strerror(errno));
        std::exit(4);
    }
    if (child == 0) {
        execvp(o.command[0], o.command.data());
        std::fprintf(stderr, "qc_bench_run: cannot run %s: %s\n", o.command[0], std::strerror(errno));
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    while (wait4(child, &status, 0, &usage) < 0) {
        if (errno != EINTR) {
            std::fprintf(stderr, "qc_bench_run: wait4: %s\n", std::strerror(errno));
            std::exit(4);
        }
    }
    Sample sample;
    sample.wall_s = now() - start;
    sample.user_s = seconds(usage.ru_utime);
    sample.sys_s = seconds(usage.ru_stime);
    sample.peak_rss_kb = usage.ru_maxrss; // kilobytes on Linux
    sample.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    sample.load = load;
    return sample;
}

void print_sample(const Options& o, const char* what, const Sample& s) {
    std::printf("%-8s %-7s wall %7.3f s  user %7.3f s  sys %6.3f s  peak RSS %7.1f MB  exit %d  load %4.1f",
                o.label.c_str(), what, s.wall_s, s.user_s, s.sys_s, static_cast<double>(s.peak_rss_kb) / 1024.0,
                s.status, s.load);
    if (o.entries > 0) {
        std::printf("  %9.0f entries/s", static_cast<double>(o.entries) / s.wall_s);
    }
    if (o.rows > 0) {
        std::printf("  %10.0f rows/s", static_cast<double>(o.rows) / s.wall_s);
    }
    if (o.bytes > 0) {
        std::printf("  %7.1f MB/s", static_cast<double>(o.bytes) / 1e6 / s.wall_s);
    }
    std::printf("\n");
}

std::vector<int> parse_status_list(const char* text) {
    std::vector<int> list;
    for (const char* at = text; *at != '\0';) {
        char* end = nullptr;
        list.push_back(static_cast<int>(std::strtol(at, &end, 10)));
        at = *end == ',' ? end + 1 : end;
        if (end == at && *at != '\0') {
            break;
        }
    }
    return list;
}

[[noreturn]] void usage(int status) {
    std::fprintf(status == 0 ? stdout : stderr,
                 "usage: qc_bench_run [--label NAME] [--runs N] [--entries N] [--rows N] [--bytes N]\n"
                 "                    [--ok 0,1] [--before SHELL_COMMAND] -- COMMAND [ARGS...]\n"
                 "Runs COMMAND N times; prints wall, CPU and peak RSS per run, then best and median.\n"
                 "--before runs a shell command (untimed) before each run.\n"
                 "Exits 1 when a run ends with a status not in --ok (default 0).\n");
    std::exit(status);
}

Options parse_options(int argc, char** argv) {
    Options o;
    int i = 1;
    for (; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--") {
            ++i;
            break;
        }
        if (arg == "--help" || arg == "-h") {
            usage(0);
        } else if (arg == "--label" && has_value) {
            o.label = argv[++i];
        } else if (arg == "--runs" && has_value) {
            o.runs = std::max(1, std::atoi(argv[++i]));
        } else if (arg == "--entries" && has_value) {
            o.entries = std::strtoull(argv[++i], nullptr, 10);
        } else if (arg == "--rows" && has_value) {
            o.rows = std::strtoull(argv[++i], nullptr, 10);
        } else if (arg == "--bytes" && has_value) {
            o.bytes = std::strtoull(argv[++i], nullptr, 10);
        } else if (arg == "--before" && has_value) {
            o.before = argv[++i];
        } else if (arg == "--ok" && has_value) {
            o.ok_status = parse_status_list(argv[++i]);
        } else {
            std::fprintf(stderr, "qc_bench_run: unknown or incomplete option '%s'\n", argv[i]);
            usage(2);
        }
    }
    for (; i < argc; ++i) {
        o.command.push_back(argv[i]);
    }
    if (o.command.empty()) {
        usage(2);
    }
    o.command.push_back(nullptr);
    return o;
}

} // namespace

int main(int argc, char** argv) {
    const Options o = parse_options(argc, argv);
    std::vector<Sample> samples;
    bool failed = false;
    for (int run = 1; run <= o.runs; ++run) {
        std::fflush(stdout);
        if (!o.before.empty() && std::system(o.before.c_str()) != 0) {
            std::fprintf(stderr, "qc_bench_run: --before command failed: %s\n", o.before.c_str());
            return 1;
        }
        samples.push_back(run_once(o));
        const std::string what = "run " + std::to_string(run);
        print_sample(o, what.c_str(), samples.back());
        failed = failed || std::find(o.ok_status.begin(), o.ok_status.end(), samples.back().status) ==
                               o.ok_status.end();
    }
    std::vector<Sample> by_wall = samples;
    std::sort(by_wall.begin(), by_wall.end(), [](const Sample& a, const Sample& b) { return a.wall_s < b.wall_s; });
    print_sample(o, "best", by_wall.front());
    print_sample(o, "median", by_wall[by_wall.size() / 2]);
    if (failed) {
        std::fprintf(stderr, "qc_bench_run: %s: a run ended with an unexpected exit status\n", o.label.c_str());
    }
    return failed ? 1 : 0;
}
