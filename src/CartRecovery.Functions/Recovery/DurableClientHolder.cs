using Microsoft.DurableTask.Client;

namespace CartRecovery.Functions.Recovery;

/// <summary>
/// The <see cref="DurableTaskClient"/> of the current invocation. The worker hands the client to a function through the
/// <c>[DurableClient]</c> binding, not through DI, so each function that may start or signal a recovery puts it here first
/// (one holder per invocation scope) for <see cref="DurableRecoveryWorkflows"/>.
/// </summary>
public sealed class DurableClientHolder
{
    private DurableTaskClient? client;

    public DurableTaskClient Client
    {
        get => client ?? throw new InvalidOperationException("No DurableTaskClient in this invocation: add [DurableClient] DurableTaskClient to the function and call DurableClientHolder.Use first.");
        private set => client = value;
    }

    public void Use(DurableTaskClient durableClient) => Client = durableClient;
}
