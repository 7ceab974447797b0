using SideBySide;

// bench/side-by-side.sh runs this. Modes:
//   ceiling --port <n>                 a bare ASP.NET Core app answering /api/messages with a fixed expectReplies body
//   run --certbot <CertBot.dll> [--peer <dir with index.js>] [--users 64] [--seconds 20] [--runs 3] [--out table.md]
return args.FirstOrDefault() switch
{
    "ceiling" => await Ceiling.RunAsync(args[1..]),
    "run" => await SideBySideRun.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: SideBySide ceiling --port <n> | run --certbot <CertBot.dll> [--peer <dir>] [--users 64] [--seconds 20] [--runs 3] [--out <file.md>]");
    return 2;
}
