using CertBot.Conversation;
using CertBot.Conversation.Features;
using CertBot.Curation;
using CertBot.Dialogs;
using CertBot.Protocol.Hosting;
using CertBot.Teams;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CertBot.Hosting;

/// <summary>Registers the CertBot bot itself: wording, the profile dialog, routing, Teams features and the curator log.</summary>
public static class ConversationServiceExtensions
{
    public static IServiceCollection AddCertBotConversation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CertBotOptions>().Bind(configuration.GetSection(CertBotOptions.SectionName));

        // Declarative content is read once at start-up; a broken file stops the bot with a clear message.
        // Every locale's catalogues; a turn speaks the one its activity's locale resolves to, English when none fits.
        // The catalogues rank every registered feature's phrases: they take the features' entries, never their handlers.
        services.AddSingleton(sp => new Catalogues(sp.GetRequiredService<IOptions<CertBotOptions>>().Value.ResolveDialogsFolder(), sp.GetServices<CardFeatureEntry>()));
        // English, for what runs outside a turn: start-up warm-ups, the role prototypes, the CLI's evaluations.
        services.AddSingleton(sp => sp.GetRequiredService<Catalogues>().Default.Messages);
        services.AddSingleton(sp => sp.GetRequiredService<Catalogues>().Default.Dialog);
        services.AddSingleton(sp => sp.GetRequiredService<Catalogues>().Default.Intents);

        // The apology a person gets when their turn fails comes from the catalogue of the turn's locale: the protocol
        // layer asks for it per activity (in place of its BotFramework:ErrorMessage default).
        services.Replace(ServiceDescriptor.Singleton<ITurnFailureReply, CatalogueTurnFailureReply>());

        services.AddSingleton<CuratorLog>();
        services.AddSingleton<PersonalChatHandoff>();
        services.AddSingleton<SemanticRoleClassifier>();
        services.AddSingleton<ProfileInterview>();
        // Every feature the host defines (each ICardFeature with its [CardFeature] name and rank), found rather than
        // listed, so adding one edits no shared file.
        foreach (var feature in CardFeatureEntry.InHost)
        {
            services.AddCardFeature(feature.Handler);
        }

        services.AddSingleton<CardFeatures>();
        services.AddSingleton<CloudYearsFeature>();
        services.AddSingleton<AskFeature>();
        services.AddSingleton<ShareFeature>();
        services.AddSingleton<ResultFeature>();
        services.AddSingleton<SmallTalkFeature>();
        services.AddSingleton<TurnKnowledge>();
        services.AddSingleton<FaqResponder>();
        services.AddSingleton<MessageRouter>();
        services.AddSingleton<CardActionRouter>();
        services.AddSingleton<MessageExtension>();
        services.AddSingleton<IBot, CertBotActivityHandler>();
        services.AddSingleton<StartupDeferral>();
        services.AddSingleton<LanguageModelWarmup>();
        services.AddHostedService(sp => sp.GetRequiredService<LanguageModelWarmup>());
        services.AddHostedService<TurnPipelineWarmup>();
        services.AddHostedService<ReadinessAnnouncer>();
        services.AddHealthChecks().AddCheck<LanguageModelsHealthCheck>("models", tags: [ReadinessResponseWriter.ReadyTag]);
        return services;
    }

    /// <summary>Registers one <see cref="ICardFeature"/>: its handler, once as itself and once among the features, and its entry.</summary>
    public static IServiceCollection AddCardFeature<TFeature>(this IServiceCollection services)
        where TFeature : class, ICardFeature => services.AddCardFeature(typeof(TFeature));

    /// <inheritdoc cref="AddCardFeature{TFeature}(IServiceCollection)"/>
    public static IServiceCollection AddCardFeature(this IServiceCollection services, Type handler)
    {
        ArgumentNullException.ThrowIfNull(services);
        var entry = CardFeatureEntry.Of(handler);
        services.AddSingleton(handler);
        services.AddSingleton(sp => (ICardFeature)sp.GetRequiredService(handler));
        services.AddSingleton(entry);
        return services;
    }
}
