Console.WriteLine("demo Odoo: not yet");
