namespace CertBot.Protocol.Hosting;

/// <summary>The bot's logic: called once per incoming activity.</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
