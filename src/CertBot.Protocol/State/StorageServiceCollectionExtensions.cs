using Microsoft.Extensions.DependencyInjection;

namespace CertBot.Protocol.State;

/// <summary>Plugs a state store in: each provider project calls <see cref="AddCertBotStorage{TStorage}"/> from its own setup extension.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="TStorage"/> as the one <see cref="IStorage"/> (the last registration wins).</summary>
    public static IServiceCollection AddCertBotStorage<TStorage>(this IServiceCollection services)
        where TStorage : class, IStorage
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<TStorage>();
        services.AddSingleton<IStorage>(sp => sp.GetRequiredService<TStorage>());
        return services;
    }

    /// <summary>The in-process store (tests, console chat): nothing is shared or kept across restarts.</summary>
    public static IServiceCollection AddCertBotMemoryStorage(this IServiceCollection services) =>
        services.AddCertBotStorage<MemoryStorage>();
}
