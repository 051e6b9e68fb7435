fn main() -> std::process::ExitCode {
    corpus_lint::cli::main()
}
