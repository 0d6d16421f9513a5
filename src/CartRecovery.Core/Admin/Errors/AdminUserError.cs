namespace CartRecovery.Core.Admin.Errors;

/// <summary>One entry of a mutation's <c>userErrors</c>: the input path it is about, Shopify's message and, when given, its code.</summary>
public sealed record AdminUserError(IReadOnlyList<string> Field, string Message, string? Code);
