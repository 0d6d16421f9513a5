namespace CartRecovery.Core.Workflow.Settings;

/// <summary>One thing wrong with a configuration: where (a JSON-path-like field name) and why.</summary>
public sealed record SettingsProblem(string Field, string Message);
