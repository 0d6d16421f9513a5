namespace CartRecovery.Integrations.Outbox;

/// <summary>Section <c>Outbox</c>: where the local outbox provider writes the messages it would have sent.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>A folder, relative to the working directory unless rooted.</summary>
    public string Directory { get; set; } = ".data/outbox";
}
