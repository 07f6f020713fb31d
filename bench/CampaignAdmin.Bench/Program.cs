Console.WriteLine("usage: api | import");
