using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using SocialInnovation.Server.Hosting;
using SocialInnovation.Server.Invites;

namespace SocialInnovation.Server.Tests.Invites;

/// <summary>Where the links in invites and mails point, without a running server.</summary>
public sealed class InviteLinksTests
{
    [Fact]
    public void Before_the_server_listens_links_use_the_address_it_was_told_to_listen_on()
    {
        // deploy/run.sh with PORT=5320: the demo mails its applicants while the server starts, when the server
        // knows no address of its own yet; those mails pointed at the default port 5080.
        var links = Links(new PlatformSettings(), listening: [], urls: "http://0.0.0.0:5320");

        Assert.Equal("http://localhost:5320", links.BaseUrl(null));
    }

    [Fact]
    public void The_configured_public_address_and_then_the_listening_one_come_first()
    {
        Assert.Equal("https://camp.example.org", Links(new PlatformSettings { PublicBaseUrl = "https://camp.example.org/" }, ["http://[::]:5400"], "http://0.0.0.0:5320").BaseUrl(null));
        Assert.Equal("http://localhost:5400", Links(new PlatformSettings(), ["http://[::]:5400"], "http://0.0.0.0:5320").BaseUrl(null));
        Assert.Equal("http://localhost:5080", Links(new PlatformSettings(), [], urls: null).BaseUrl(null));
    }

    private static InviteLinks Links(PlatformSettings settings, string[] listening, string? urls)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls }).Build();
        return new InviteLinks(settings, new Server(listening), configuration);
    }

    private sealed class Server : IServer
    {
        public Server(string[] addresses)
        {
            var feature = new ServerAddressesFeature();
            foreach (var a in addresses) feature.Addresses.Add(a);
            Features.Set<IServerAddressesFeature>(feature);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();
        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public void Dispose() { }
    }
}
