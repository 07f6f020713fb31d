global using CampaignAdmin.Client;
