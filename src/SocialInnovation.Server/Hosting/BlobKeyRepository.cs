using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace SocialInnovation.Server.Hosting;

/// <summary>
/// Keeps ASP.NET Data Protection keys in one blob, so that a cookie issued by one web node is read by
/// every other: a browser may land on any silo. Writes use the blob's ETag, so two nodes adding a key
/// at once both keep theirs.
/// </summary>
public sealed class BlobKeyRepository(BlobClient blob) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => Read().Root?.Elements().ToList() ?? [];

    public void StoreElement(XElement element, string friendlyName)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (document, etag) = ReadWithETag();
            document.Root!.Add(element);
            var conditions = etag is { } e ? new BlobRequestConditions { IfMatch = e } : new BlobRequestConditions { IfNoneMatch = ETag.All };
            try
            {
                blob.Upload(BinaryData.FromString(document.ToString()), new BlobUploadOptions { Conditions = conditions });
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < 10)
            {
                // Another node wrote first: read its version and add ours to it.
            }
        }
    }

    private XDocument Read() => ReadWithETag().Document;

    private (XDocument Document, ETag? ETag) ReadWithETag()
    {
        blob.GetParentBlobContainerClient().CreateIfNotExists();
        try
        {
            var content = blob.DownloadContent();
            return (XDocument.Parse(content.Value.Content.ToString()), content.Value.Details.ETag);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return (new XDocument(new XElement("keys")), null);
        }
    }
}
