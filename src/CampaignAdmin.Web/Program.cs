using CampaignAdmin.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddDashboard();

var app = builder.Build();
app.MapDashboard();
app.Run();

/// <summary>Visible to tests that host the dashboard.</summary>
public partial class Program;
