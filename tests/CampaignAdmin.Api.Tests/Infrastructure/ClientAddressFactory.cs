using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignAdmin.Api.Tests.Infrastructure;

/// <summary>
/// The API behind a test-only first step that takes the connection's remote address from <see cref="Header"/>, so a test can
/// be several clients (the test server has no sockets, and so no addresses).
/// </summary>
public class ClientAddressFactory : ApiFactory
{
    public const string Header = "X-Test-Client-Address";

    public HttpClient From(string address, string? key = DemoKey)
    {
        var client = Http(key);
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextStep) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address)) context.Connection.RemoteIpAddress = address;
                return nextStep(context);
            });
            next(app);
        };
    }
}
