namespace CartRecovery.Server.Hosting;

/// <summary>The composition root: each concern registers its services and maps its endpoints here, one line each.</summary>
public static class ServerComposition
{
    public static WebApplicationBuilder AddCartRecovery(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        return builder;
    }

    public static WebApplication MapCartRecovery(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var api = app.MapGroup("/api");
        _ = api;
        return app;
    }
}
