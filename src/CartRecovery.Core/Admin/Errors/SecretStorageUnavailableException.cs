namespace CartRecovery.Core.Admin.Errors;

/// <summary>A secret (an access token) cannot be stored because no encryption key is configured: the operator's to fix, never stored in clear.</summary>
public sealed class SecretStorageUnavailableException(string message) : Exception(message);
