using Microsoft.Extensions.Logging;

namespace CertBot.Knowledge.Hosting;

/// <summary>Source-generated log messages of the knowledge store.</summary>
internal static partial class KnowledgeStoreLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Knowledge loaded from {Path}: version {Version}, {FaqCount} FAQ entries, {CredentialCount} credentials, text in {Locales}")]
    public static partial void Loaded(ILogger logger, string path, string version, int faqCount, int credentialCount, string locales);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Knowledge file {Path} has warnings:\n{Report}")]
    public static partial void LoadedWithWarnings(ILogger logger, string path, string report);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Rejected an edit of {Path}; the last good knowledge stays in service:\n{Report}")]
    public static partial void ReloadRejected(ILogger logger, string path, string report);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "Reloading {Path} failed; the last good knowledge stays in service")]
    public static partial void ReloadFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Semantic FAQ index built for {FaqCount} entries ({Locale}) in {Milliseconds:0} ms")]
    public static partial void SemanticIndexBuilt(ILogger logger, int faqCount, string locale, double milliseconds);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Error, Message = "Building the semantic FAQ index failed; FAQ matching stays lexical")]
    public static partial void SemanticIndexFailed(ILogger logger, Exception exception);
}
