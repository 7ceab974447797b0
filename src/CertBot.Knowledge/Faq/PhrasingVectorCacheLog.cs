using Microsoft.Extensions.Logging;

namespace CertBot.Knowledge.Faq;

/// <summary>Source-generated log messages of the phrasing vector cache.</summary>
internal static partial class PhrasingVectorCacheLog
{
    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Phrasing vector cache {Path}: {Count} vectors read")]
    public static partial void Loaded(ILogger logger, int count, string path);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Phrasing vector cache {Path} was written for another model or tokenizer; the phrasings are embedded again")]
    public static partial void OtherModel(ILogger logger, string path);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Warning, Message = "Phrasing vector cache {Path} cannot be read and is ignored (the phrasings are embedded again): {Reason}")]
    public static partial void Unreadable(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Information, Message = "Phrasing vector cache {Path}: {Count} vectors written")]
    public static partial void Saved(ILogger logger, int count, string path);

    [LoggerMessage(EventId = 4114, Level = LogLevel.Warning, Message = "Phrasing vector cache {Path} cannot be written; the next start embeds the phrasings again: {Reason}")]
    public static partial void Unwritable(ILogger logger, string path, string reason);
}
