using System.Text.Json;
using CertBot.Cards;
using CertBot.Composition;
using CertBot.Protocol.Hosting;

namespace CertBot.Teams;

/// <summary>Bodies for <c>adaptiveCard/action</c> invokes: HTTP 200 always, the outcome in <c>statusCode</c>.</summary>
public static class AdaptiveCardInvoke
{
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary>Replaces the card in the client that pressed the button.</summary>
    public static InvokeResponse CardResponse(AdaptiveCard card)
        => Ok(new AdaptiveCardInvokeResponse(200, CardAttachment.ContentType, CardAttachment.Content(card)));

    /// <summary>Shows a short transient message.</summary>
    public static InvokeResponse MessageResponse(string text)
        => Ok(new AdaptiveCardInvokeResponse(200, MessageType, JsonSerializer.SerializeToElement(text, TeamsJsonContext.Default.String)));

    /// <summary>A request the bot cannot act on (not Action.Execute, missing data): statusCode 400 in the body.</summary>
    public static InvokeResponse BadRequest(string code, string message)
        => Ok(new AdaptiveCardInvokeResponse(400, ErrorType, JsonSerializer.SerializeToElement(new InvokeError(code, message), TeamsJsonContext.Default.InvokeError)));

    private static InvokeResponse Ok(AdaptiveCardInvokeResponse body)
        => new(200, JsonSerializer.SerializeToElement(body, TeamsJsonContext.Default.AdaptiveCardInvokeResponse));
}

/// <summary>The <c>{code, message}</c> error value of an invoke response.</summary>
public sealed record InvokeError(string Code, string Message);
