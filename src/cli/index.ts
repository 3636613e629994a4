console.log('mailcheck');
