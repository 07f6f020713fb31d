using CampaignAdmin.Api.Hosting;
using CampaignAdmin.Dashboard.Hosting;
using CampaignAdmin.ServiceDefaults.Telemetry;
using CampaignAdmin.Web;

// The composition root: the dashboard, and unless CampaignApi:BaseUrl names a remote API, our Campaign API beside it.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceTelemetry("CampaignAdmin.Web");
var connection = builder.AddDashboard();
if (connection.IsEmbedded) builder.AddEmbeddedCampaignApi();

var app = builder.Build();
app.MapDashboard(connection.IsEmbedded ? api => api.MapCampaignApi() : null);
app.Run();

/// <summary>Visible to tests that host the whole product.</summary>
public partial class Program;
