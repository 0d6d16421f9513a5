namespace CartRecovery.Core.Admin.Errors;

/// <summary>A mutation ran and Shopify refused its input (<c>userErrors</c>): permanent for this input, never retried.</summary>
public sealed class AdminUserErrorsException(string mutation, IReadOnlyList<AdminUserError> errors)
    : AdminApiException($"{mutation} refused: {string.Join("; ", errors.Select(e => $"{string.Join('.', e.Field)}: {e.Message}{(e.Code is null ? string.Empty : $" ({e.Code})")}"))}")
{
    public string Mutation { get; } = mutation;

    public IReadOnlyList<AdminUserError> Errors { get; } = errors;

    public bool HasCode(string code) => Errors.Any(e => string.Equals(e.Code, code, StringComparison.Ordinal));
}
