using System.Text.Json;

namespace CertBot.Teams;

/// <summary>The value of a <c>composeExtension/query</c> invoke.</summary>
public sealed record MessagingExtensionQuery(string? CommandId, IReadOnlyList<MessagingExtensionParameter>? Parameters, MessagingExtensionQueryOptions? QueryOptions);

/// <summary>One named query parameter (<c>initialRun</c> on the first, empty query).</summary>
public sealed record MessagingExtensionParameter(string? Name, JsonElement? Value);

/// <summary>Paging of a query.</summary>
public sealed record MessagingExtensionQueryOptions(int? Skip, int? Count);

/// <summary>The body answering a message extension invoke.</summary>
public sealed record MessagingExtensionResponse(MessagingExtensionResult ComposeExtension);

/// <summary>A list of results (type <c>result</c>) or a plain message (type <c>message</c>).</summary>
public sealed record MessagingExtensionResult(string Type, string? AttachmentLayout = null, IReadOnlyList<MessagingExtensionAttachment>? Attachments = null, string? Text = null);

/// <summary>A card to insert, with the preview Teams lists it by.</summary>
public sealed record MessagingExtensionAttachment(string ContentType, JsonElement Content, MessagingExtensionPreview Preview);

/// <summary>The thumbnail card shown in the result list.</summary>
public sealed record MessagingExtensionPreview(string ContentType, ThumbnailCard Content);

/// <summary>A Bot Framework thumbnail card (title and text) used as a result preview.</summary>
public sealed record ThumbnailCard(string Title, string? Text);

/// <summary>The value of an <c>adaptiveCard/action</c> invoke (Action.Execute).</summary>
public sealed record AdaptiveCardInvokeValue(AdaptiveCardInvokeAction? Action, string? Trigger);

/// <summary>The Action.Execute that was pressed.</summary>
public sealed record AdaptiveCardInvokeAction(string? Type, string? Id, string? Verb, JsonElement? Data);

/// <summary>The body answering <c>adaptiveCard/action</c>: a replacement card, a message or an error.</summary>
public sealed record AdaptiveCardInvokeResponse(int StatusCode, string Type, JsonElement Value);
