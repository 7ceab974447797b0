using CertBot.Knowledge.Loading;
using CertBot.Knowledge.Model;
using CertBot.Testing;

namespace CertBot.Knowledge.Tests;

/// <summary>The real knowledge file, copied next to the tests by the csproj, loaded once per test run.</summary>
internal static class KnowledgeFile
{
    private static readonly Lazy<KnowledgeBase> Loaded = new(() =>
    {
        var result = KnowledgeLoader.Load(PathToRealFile, new KnowledgeValidationOptions { Clock = TestClock.At(Today) });
        return result.Knowledge ?? throw new InvalidOperationException(result.Report.Format());
    });

    public static DateOnly Today { get; } = new(2026, 12, 1);

    public static string PathToRealFile => Path.Combine(AppContext.BaseDirectory, "dialogs", "knowledge.yaml");

    public static KnowledgeBase Real => Loaded.Value;
}
