using System.Collections.Concurrent;
using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Tests.Fakes;

/// <summary>A test <see cref="IPopupMessages"/> (the message store is another concern): popups the test declares pending.</summary>
public sealed class FakePopupMessages : IPopupMessages
{
    private readonly ConcurrentDictionary<(string Shop, string Cart), PendingPopup> pending = new();

    public void Add(string shop, string cartToken, PendingPopup popup) => pending[(shop, cartToken)] = popup;

    public Task<PendingPopup?> FindPendingAsync(string shop, string cartToken, CancellationToken cancellationToken) =>
        Task.FromResult(pending.GetValueOrDefault((shop, cartToken)));
}
