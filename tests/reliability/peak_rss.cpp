// qc_peak_rss: runs a command (its standard streams passed through) and writes its peak
// resident memory in KiB to the file named by --report, from wait4()'s rusage. Exits with
// the command's status. Used by stream_big.sh to show that a 2 GB export is streamed.
//
//   qc_peak_rss --report FILE -- CMD ARGS...

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv) {
    if (argc < 5 || std::string(argv[1]) != "--report" || std::string(argv[3]) != "--") {
        std::fprintf(stderr, "usage: qc_peak_rss --report FILE -- CMD ARGS...\n");
        return 2;
    }
    const pid_t child = fork();
    if (child < 0) {
        std::fprintf(stderr, "qc_peak_rss: fork: %s\n", std::strerror(errno));
        return 2;
    }
    if (child == 0) {
        execvp(argv[4], argv + 4);
        std::fprintf(stderr, "qc_peak_rss: cannot run %s: %s\n", argv[4], std::strerror(errno));
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    if (wait4(child, &status, 0, &usage) < 0) {
        std::fprintf(stderr, "qc_peak_rss: wait4: %s\n", std::strerror(errno));
        return 2;
    }
    std::FILE* report = std::fopen(argv[2], "w");
    if (report == nullptr) {
        return 2;
    }
    std::fprintf(report, "%ld\n", usage.ru_maxrss);
    std::fclose(report);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
