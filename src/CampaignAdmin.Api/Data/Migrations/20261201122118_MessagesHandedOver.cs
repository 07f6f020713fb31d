using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CampaignAdmin.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class MessagesHandedOver : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "HandedOverAt",
                table: "Messages",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HandedOverAt",
                table: "Messages");
        }
    }
}
