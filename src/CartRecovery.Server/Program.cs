using CartRecovery.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCartRecoveryServer();

var app = builder.Build();
app.MapCartRecoveryEndpoints();
app.Run();

/// <summary>Entry point; public so end-to-end tests can host it with WebApplicationFactory.</summary>
public partial class Program;
