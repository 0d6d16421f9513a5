namespace CartRecovery.Integrations.Ga4;

/// <summary>One Measurement Protocol event: a name and its parameters (strings, numbers, or a list of item objects).</summary>
public sealed record Ga4Event(string Name, IReadOnlyDictionary<string, object> Params);
