using QRCoder;

namespace Fangkong.Web.Infrastructure;

/// <summary>The QR code of a pass token (QRCoder, PNG), as the detail page shows it and the API serves it.</summary>
public static class PassQrCode
{
    public static byte[] Png(string token)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(token, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(6);
    }

    public static string DataUri(string token) => "data:image/png;base64," + Convert.ToBase64String(Png(token));
}
