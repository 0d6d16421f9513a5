using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CartRecovery.Server.Hosting;

/// <summary>
/// The merchant API describes itself at <see cref="DocumentPath"/>: every route under <c>/api/stores/{shop}/…</c>, with
/// the answers its handler can give. The handlers are host-neutral (raw body in, status and body out), so the answers are
/// declared here, next to the routes, with <see cref="MerchantOperation"/>.
/// </summary>
public static class MerchantOpenApi
{
    public const string DocumentPath = "/api/openapi.json";

    /// <summary>Routes whose path starts with this are the merchant API and go into the document.</summary>
    public const string MerchantPathPrefix = "api/stores/";

    public static IServiceCollection AddMerchantOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith(MerchantPathPrefix, StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "CartRecovery merchant API",
                    Version = "v1",
                    Description =
                        "Recoveries, configuration, messages and privacy requests of one shop. Every call carries the shop's " +
                        "Shopify session token as 'Authorization: Bearer <token>'; errors are RFC 9457 problem documents.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                AddRouteParameters(operation, context.Description.RelativePath ?? string.Empty);
                return Task.CompletedTask;
            });
        });

    /// <summary>
    /// The handlers read route values from the raw request, not from delegate parameters, so the generator does not see
    /// them: each <c>{name}</c> of the route becomes a required string path parameter here.
    /// </summary>
    private static void AddRouteParameters(OpenApiOperation operation, string relativePath)
    {
        operation.Parameters ??= [];
        foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(relativePath, @"\{([A-Za-z]+)\}"))
        {
            var name = match.Groups[1].Value;
            if (!operation.Parameters.Any(p => p.Name == name && p.In == ParameterLocation.Path))
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = name,
                    In = ParameterLocation.Path,
                    Required = true,
                    Description = name == "shop" ? "The shop's myshopify.com domain, e.g. example.myshopify.com." : null,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }
        }
    }

    /// <summary>Serves the document; <paramref name="api"/> is the <c>/api</c> group.</summary>
    public static IEndpointRouteBuilder MapMerchantOpenApi(this IEndpointRouteBuilder api)
    {
        api.MapOpenApi(DocumentPath["/api".Length..]);
        return api;
    }

    /// <summary>
    /// Names a merchant operation (the same name as its Azure Function) and lists its answers: <paramref name="success"/>,
    /// the refusals every merchant call can give (400 for a shop that is not *.myshopify.com, 401 without a valid session
    /// token, 403 for a token of another shop) and the operation's own <paramref name="problems"/>, as problem details.
    /// </summary>
    public static RouteHandlerBuilder MerchantOperation(
        this RouteHandlerBuilder route, string name, string summary, int success, string contentType = "application/json", params int[] problems)
    {
        route.WithName(name).WithSummary(summary).WithTags("Merchant").Produces(success, contentType: contentType);
        foreach (var status in new[] { 400, 401, 403 }.Concat(problems).Distinct())
        {
            route.ProducesProblem(status);
        }

        return route;
    }
}
