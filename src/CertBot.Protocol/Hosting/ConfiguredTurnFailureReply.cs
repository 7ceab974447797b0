using CertBot.Protocol.Configuration;
using CertBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace CertBot.Protocol.Hosting;

/// <summary>The apology of a host that words none itself: <see cref="BotFrameworkOptions.ErrorMessage"/>, whatever the locale.</summary>
public sealed class ConfiguredTurnFailureReply(IOptions<BotFrameworkOptions> options) : ITurnFailureReply
{
    private readonly string _text = options.Value.ErrorMessage;

    /// <inheritdoc />
    public string TextFor(Activity activity) => _text;
}
