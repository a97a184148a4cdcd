using System.Net;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Orleans.Configuration;
using SocialInnovation.Grains.Common;

namespace SocialInnovation.Server.Hosting;

/// <summary>The silo that shares this process with the web server.</summary>
public static class OrleansSetup
{
    public static void AddCampSilo(this WebApplicationBuilder builder, PlatformSettings settings)
    {
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });

            if (string.Equals(settings.Clustering, "AzureTable", StringComparison.OrdinalIgnoreCase))
            {
                silo.UseAzureStorageClustering(o => o.TableServiceClient = new TableServiceClient(settings.StorageConnectionString));
                silo.ConfigureEndpoints(IPAddress.Parse(settings.AdvertisedIp), settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
            }
            else
            {
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort);
            }

            silo.AddAzureBlobGrainStorage(StorageNames.State, o =>
            {
                o.BlobServiceClient = new BlobServiceClient(settings.StorageConnectionString);
                o.ContainerName = settings.StateContainer;
                o.GrainStorageSerializer = new JsonStateSerializer();
            });
        });
    }
}
