using Microsoft.DurableTask.Client;

namespace CartRecovery.Functions.Recovery;

/// <summary>
/// The <see cref="DurableTaskClient"/> of the current invocation. The worker hands the client to a function through the
/// <c>[DurableClient]</c> binding, not through DI, so each function that may start or signal a recovery puts it here first
/// for <see cref="DurableRecoveryWorkflows"/>. It flows with the invocation's async context, so the holder (and everything
/// that signals recoveries) can be a singleton, as on the server, while invocations never see each other's client.
/// </summary>
public sealed class DurableClientHolder
{
    private readonly AsyncLocal<DurableTaskClient?> current = new();

    public DurableTaskClient Client =>
        current.Value ?? throw new InvalidOperationException("No DurableTaskClient in this invocation: add [DurableClient] DurableTaskClient to the function and call DurableClientHolder.Use first.");

    public void Use(DurableTaskClient durableClient) => current.Value = durableClient;
}
