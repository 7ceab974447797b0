namespace CertBot.Protocol.Tests.Infrastructure;

/// <summary>
/// Tags each Connector attempt and tells the fake channel the moment the bot gives up on it, so a hung request the bot
/// has already abandoned is never counted as delivered when the hang is mended (see <see cref="FakeChannel.AbandonAttempt"/>).
/// </summary>
internal sealed class AbandonedAttemptHandler(FakeChannel channel) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = Guid.NewGuid().ToString("N");
        request.Headers.Add(FakeChannel.AttemptHeader, attempt);
        // Registered before the send: the mark lands synchronously when the token fires, ahead of the socket close.
        using var abandon = cancellationToken.Register(() => channel.AbandonAttempt(attempt));
        return await base.SendAsync(request, cancellationToken);
    }
}
