using CampaignAdmin.Api.Auth;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Hosting;
using CampaignAdmin.ServiceDefaults.Telemetry;

namespace CampaignAdmin.Api;

public sealed class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["keys", ..]) return await KeysCommand.RunAsync(args[1..]);
        if (args is ["migrate", ..]) return await MigrateCommand.RunAsync(args[1..]);

        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceTelemetry(ApiTelemetry.Name);
        builder.AddCampaignApi();

        var app = builder.Build();
        app.MapCampaignApi();
        await app.RunAsync();
        return 0;
    }
}
