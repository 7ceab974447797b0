using CertBot.Knowledge.Faq;

namespace CertBot.Knowledge.Hosting;

/// <summary>Configuration section "Knowledge": where the file is and how strictly it is validated and matched.</summary>
public sealed class KnowledgeOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Knowledge";

    /// <summary>
    /// The knowledge's facts file; its text files (knowledge.en.yaml, knowledge.fr.yaml...) are found beside it. Relative
    /// paths resolve against the current directory, then AppContext.BaseDirectory.
    /// </summary>
    public string Path { get; set; } = "dialogs/knowledge.yaml";

    /// <summary>Entries older than this many days are reported as stale (a warning).</summary>
    public int StaleAfterDays { get; set; } = 365;

    /// <summary>Longest FAQ answer allowed, in characters.</summary>
    public int MaxAnswerChars { get; set; } = 6000;

    /// <summary>How long to wait after the last file change before reloading, in milliseconds.</summary>
    public int ReloadDebounceMilliseconds { get; set; } = 300;

    /// <summary>FAQ matcher thresholds.</summary>
    public FaqMatcherOptions Matcher { get; set; } = new();

    /// <summary>The embedding fallback of the FAQ matcher (section "Knowledge:Semantic").</summary>
    public SemanticMatchOptions Semantic { get; set; } = new();

    /// <summary>The file path after resolving a relative <see cref="Path"/>.</summary>
    public string ResolvePath()
    {
        if (System.IO.Path.IsPathRooted(Path) || File.Exists(Path))
        {
            return System.IO.Path.GetFullPath(Path);
        }

        return System.IO.Path.GetFullPath(System.IO.Path.Combine(AppContext.BaseDirectory, Path));
    }
}
