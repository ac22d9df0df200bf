// qc_docgen: writes qualcheck(1) and the bash and zsh completions from the same CLI11
// definitions that print --help (cmd/cli.cpp), so the three cannot drift apart. Run by the
// build; not installed.
//
// usage: qc_docgen OUT_DIR VERSION DATE RULES_DIR DOCS_DIR
//   writes OUT_DIR/qualcheck.1, OUT_DIR/qualcheck.bash and OUT_DIR/_qualcheck

#include "cli.hpp"
#include "describe.hpp"

#include <cstdio>
#include <fstream>
#include <string>

namespace {

bool write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
        std::fprintf(stderr, "qc_docgen: cannot write %s\n", path.c_str());
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 6) {
        std::fprintf(stderr, "usage: qc_docgen OUT_DIR VERSION DATE RULES_DIR DOCS_DIR\n");
        return 2;
    }
    const std::string out = argv[1];
    qc::cmd::Commands commands;
    const qc::clidoc::Command root = qc::cmd::describe(*qc::cmd::make_app(commands));
    const qc::clidoc::ManPageInfo info{argv[2], argv[3], argv[4], argv[5]};
    const bool ok = write_file(out + "/qualcheck.1", qc::clidoc::render_man_page(root, info)) &&
                    write_file(out + "/qualcheck.bash", qc::clidoc::render_bash_completion(root)) &&
                    write_file(out + "/_qualcheck", qc::clidoc::render_zsh_completion(root));
    return ok ? 0 : 1;
}
