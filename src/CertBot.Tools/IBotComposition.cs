namespace CertBot.Tools;

/// <summary>
/// The bot's own composition, which the tools cannot build themselves: it lives in the host, and the host references
/// this project (not the other way round), so the host's thin entry passes its implementation in.
/// </summary>
public interface IBotComposition
{
    /// <summary>
    /// The bot's services in-process with the web server built but never started; <paramref name="settings"/> are
    /// configuration arguments (<c>--Key=Value</c>) on top of the bot's usual configuration.
    /// </summary>
    IInProcessBot Build(IReadOnlyList<string> settings);
}
